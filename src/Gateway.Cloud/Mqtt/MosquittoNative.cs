using System.Runtime.InteropServices;

namespace Gateway.Cloud.Mqtt;

/// <summary>The part of libmosquitto 2.0's C API the gateway uses. Pointers to C strings it returns stay nint.</summary>
internal static unsafe partial class MosquittoNative
{
    public const string Library = "libmosquitto.so.1";

    public const int Success = 0;
    public const int NoConnection = 4;
    public const int OptionProtocolVersion = 1;
    public const int OptionTcpNoDelay = 11;
    public const int ProtocolV311 = 4;
    public const int ProtocolV5 = 5;
    public const int ConnackUnsupportedProtocolV3 = 1;
    public const int ConnackUnsupportedProtocolV5 = 0x84;

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_init")]
    public static partial int LibInit();

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_version")]
    public static partial int LibVersion(out int major, out int minor, out int revision);

    [LibraryImport(Library, EntryPoint = "mosquitto_strerror")]
    public static partial nint StrError(int code);

    [LibraryImport(Library, EntryPoint = "mosquitto_new", StringMarshalling = StringMarshalling.Utf8)]
    public static partial MosquittoHandle New(string? id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, nint userData);

    [LibraryImport(Library, EntryPoint = "mosquitto_destroy")]
    public static partial void Destroy(nint mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_int_option")]
    public static partial int IntOption(MosquittoHandle mosq, int option, int value);

    [LibraryImport(Library, EntryPoint = "mosquitto_max_inflight_messages_set")]
    public static partial int MaxInflightMessagesSet(MosquittoHandle mosq, uint maxInflight);

    [LibraryImport(Library, EntryPoint = "mosquitto_username_pw_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UsernamePwSet(MosquittoHandle mosq, string? username, string? password);

    [LibraryImport(Library, EntryPoint = "mosquitto_tls_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TlsSet(MosquittoHandle mosq, string? caFile, string? caPath, string? certFile, string? keyFile, nint passwordCallback);

    [LibraryImport(Library, EntryPoint = "mosquitto_will_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int WillSet(MosquittoHandle mosq, string topic, int payloadLength, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_bind_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ConnectBindV5(MosquittoHandle mosq, string host, int port, int keepAlive, string? bindAddress, nint properties);

    public const int PropertySessionExpiryInterval = 17;

    [LibraryImport(Library, EntryPoint = "mosquitto_property_add_int32")]
    public static partial int PropertyAddInt32(nint* properties, int identifier, uint value);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_free_all")]
    public static partial void PropertyFreeAll(nint* properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_reconnect")]
    public static partial int Reconnect(nint mosq);

    // The network loop is the gateway's own thread (no mosquitto_loop_start): it polls mosquitto_socket and calls these.
    // They take the raw pointer: the loop holds a reference on the handle for as long as it runs.
    [LibraryImport(Library, EntryPoint = "mosquitto_socket")]
    public static partial int Socket(nint mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop_read")]
    public static partial int LoopRead(nint mosq, int maxPackets);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop_write")]
    public static partial int LoopWrite(nint mosq, int maxPackets);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop_misc")]
    public static partial int LoopMisc(nint mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_want_write")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool WantWrite(nint mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect")]
    public static partial int Disconnect(nint mosq);

    /// <summary>mosquitto_publish_v5 with the topic already NUL-terminated UTF-8 (the loop keeps them encoded).</summary>
    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5")]
    public static partial int PublishV5(nint mosq, int* mid, byte* topic, int payloadLength, byte* payload, int qos,
        [MarshalAs(UnmanagedType.U1)] bool retain, nint properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SubscribeV5(MosquittoHandle mosq, int* mid, string pattern, int qos, int options, nint properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_with_flags_callback_set")]
    public static partial void ConnectWithFlagsCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_callback_set")]
    public static partial void DisconnectCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5_callback_set")]
    public static partial void PublishV5CallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_message_callback_set")]
    public static partial void MessageCallbackSet(MosquittoHandle mosq, delegate* unmanaged[Cdecl]<nint, nint, MosquittoMessage*, void> callback);

    public static string ErrorText(int code) => Marshal.PtrToStringUTF8(StrError(code)) ?? $"error {code}";
}
