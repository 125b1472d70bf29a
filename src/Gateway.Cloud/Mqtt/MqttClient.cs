using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Mqtt;

/// <summary>
/// One MQTT connection through libmosquitto: its network loop runs on libmosquitto's own thread, reconnects by
/// itself with a jittered exponential delay, and keeps the session (fixed client id, clean session off). Publishes
/// are QoS 1; each one's task completes with the PUBACK's reason code (0, or 0x80 and up when the broker refused it).
/// </summary>
public sealed unsafe class MqttClient : IDisposable
{
    private MqttClientOptions _options;
    private readonly IMqttClientObserver _observer;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<int>> _pending = new();
    private readonly ConcurrentDictionary<int, long> _tagged = new();
    private readonly Lock _publishGate = new();
    private GCHandle _self;
    private MosquittoHandle? _handle;
    private volatile int _protocol;
    private volatile bool _connected;
    private int _disposed;
    private int _refusalLogged;
    private readonly CancellationTokenSource _stopping = new();
    private Thread? _connecting;

    public MqttClient(MqttClientOptions options, IMqttClientObserver observer, ILogger logger)
    {
        _options = options;
        _observer = observer;
        _logger = logger;
        _protocol = options.PreferMqtt5 ? MosquittoNative.ProtocolV5 : MosquittoNative.ProtocolV311;
    }

    public bool IsConnected => _connected;

    /// <summary>5 for MQTT 5, 4 for 3.1.1 (after a broker refused MQTT 5).</summary>
    public int ProtocolVersion => _protocol;

    /// <summary>Publishes that have not had their PUBACK yet.</summary>
    public int PendingCount => _pending.Count + _tagged.Count;

    /// <summary>
    /// Configures the client and starts connecting in the background; a broker that is down is retried.
    /// <paramref name="options"/> replaces the constructor's, for a broker that was only known later (provisioning).
    /// </summary>
    public void Start(MqttClientOptions? options = null)
    {
        MosquittoLibrary.EnsureLoadable();
        if (_handle is not null) throw new InvalidOperationException("already started");
        if (options is not null) _options = options;
        _self = GCHandle.Alloc(this);
        var handle = MosquittoNative.New(_options.ClientId, cleanSession: false, GCHandle.ToIntPtr(_self));
        if (handle.IsInvalid)
        {
            _self.Free();
            throw new MqttException("mosquitto_new", 3, "invalid client id or out of memory");
        }
        _handle = handle;
        Check("protocol version", MosquittoNative.IntOption(handle, MosquittoNative.OptionProtocolVersion, _protocol));
        Check("max inflight", MosquittoNative.MaxInflightMessagesSet(handle, (uint)Math.Max(1, _options.MaxInflight)));
        if (_options.Username is not null)
            Check("username", MosquittoNative.UsernamePwSet(handle, _options.Username, _options.Password));
        if (_options.UseTls)
            Check("TLS", MosquittoNative.TlsSet(handle, _options.CaFile, _options.CaFile is null ? "/etc/ssl/certs" : null,
                _options.CertFile, _options.KeyFile, 0));
        if (_options.Will is { } will)
            fixed (byte* payload = will.Payload)
                Check("will", MosquittoNative.WillSet(handle, will.Topic, will.Payload.Length, payload, 1, will.Retain));
        // A fleet restarted by one broker outage must not come back in one wave: each client gets its own first delay.
        var delay = (uint)Math.Max(1, _options.ReconnectDelaySeconds + Random.Shared.Next(0, _options.ReconnectDelaySeconds + 2));
        Check("reconnect delay", MosquittoNative.ReconnectDelaySet(handle, delay, (uint)Math.Max(delay, _options.ReconnectMaxSeconds), exponential: true));
        MosquittoNative.ConnectWithFlagsCallbackSet(handle, &OnConnectNative);
        MosquittoNative.DisconnectCallbackSet(handle, &OnDisconnectNative);
        MosquittoNative.PublishV5CallbackSet(handle, &OnPublishNative);
        MosquittoNative.MessageCallbackSet(handle, &OnMessageNative);
        // libmosquitto's loop reconnects only once a first connection was made; until then this thread retries.
        _connecting = new Thread(() => ConnectUntilStarted(handle, delay)) { IsBackground = true, Name = "mqtt-connect" };
        _connecting.Start();
    }

    private void ConnectUntilStarted(MosquittoHandle handle, uint firstDelay)
    {
        var delay = TimeSpan.FromSeconds(firstDelay);
        var logged = false;
        while (!_stopping.IsCancellationRequested)
        {
            var rc = Connect(handle);
            if (rc == MosquittoNative.Success)
            {
                var loop = MosquittoNative.LoopStart(handle);
                if (loop != MosquittoNative.Success)
                    _logger.LogError("MQTT network loop did not start: {Error}", MosquittoNative.ErrorText(loop));
                return;
            }
            if (!logged)
                _logger.LogWarning("MQTT broker {Host}:{Port} not reachable yet ({Error}); retrying in the background",
                    _options.Host, _options.Port, MosquittoNative.ErrorText(rc));
            logged = true;
            _stopping.Token.WaitHandle.WaitOne(delay);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, Math.Max(firstDelay, _options.ReconnectMaxSeconds)));
        }
    }

    private int Connect(MosquittoHandle handle)
    {
        if (_protocol != MosquittoNative.ProtocolV5)
            return MosquittoNative.ConnectBindV5(handle, _options.Host, _options.Port, _options.KeepAliveSeconds, null, 0);
        nint properties = 0;
        try
        {
            // Kept by libmosquitto for its own reconnects too.
            Check("session expiry", MosquittoNative.PropertyAddInt32(&properties, MosquittoNative.PropertySessionExpiryInterval, _options.SessionExpirySeconds));
            return MosquittoNative.ConnectBindV5(handle, _options.Host, _options.Port, _options.KeepAliveSeconds, null, properties);
        }
        finally
        {
            MosquittoNative.PropertyFreeAll(&properties);
        }
    }

    /// <summary>
    /// Publishes at QoS 1. While disconnected libmosquitto keeps the message in memory and sends it after reconnecting,
    /// so a caller must not publish the same message again. Completes with the PUBACK's reason code.
    /// </summary>
    public Task<int> PublishAsync(string topic, ReadOnlySpan<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        var handle = _handle ?? throw new InvalidOperationException("not started");
        int mid;
        int rc;
        var pending = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The mid is known only once mosquitto_publish returns; a PUBACK for a mid not recorded yet waits on this gate.
        lock (_publishGate)
        {
            fixed (byte* bytes = payload)
                rc = MosquittoNative.PublishV5(handle, &mid, topic, payload.Length, bytes, 1, retain, 0);
            if (rc != MosquittoNative.Success && rc != MosquittoNative.NoConnection)
                throw new MqttException("publish", rc, MosquittoNative.ErrorText(rc));
            _pending[mid] = pending;
        }
        return pending.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes at QoS 1 without a task: <see cref="Acknowledged"/> is called with <paramref name="tag"/> and the
    /// PUBACK's reason code, on libmosquitto's thread. For a stream of messages this saves a task, a continuation and a
    /// thread-pool hop per message. Same delivery rules as <see cref="PublishAsync"/>.
    /// </summary>
    public void Publish(string topic, ReadOnlySpan<byte> payload, long tag)
    {
        var handle = _handle ?? throw new InvalidOperationException("not started");
        int mid;
        int rc;
        // The mid is known only once mosquitto_publish returns, and the PUBACK can come before that: the network
        // thread waits on this gate for a mid it does not know yet (mosquitto_publish takes none of the locks
        // libmosquitto holds while it calls back).
        lock (_publishGate)
        {
            fixed (byte* bytes = payload)
                rc = MosquittoNative.PublishV5(handle, &mid, topic, payload.Length, bytes, 1, false, 0);
            if (rc == MosquittoNative.Success || rc == MosquittoNative.NoConnection) _tagged[mid] = tag;
        }
        if (rc != MosquittoNative.Success && rc != MosquittoNative.NoConnection)
            throw new MqttException("publish", rc, MosquittoNative.ErrorText(rc));
    }

    /// <summary>Called on libmosquitto's thread for each PUBACK of <see cref="Publish"/>: (tag, reason code). Must not block.</summary>
    public Action<long, int>? Acknowledged { get; set; }

    private void HandlePuback(int mid, int reason)
    {
        if (TryComplete(mid, reason)) return;
        // Not recorded yet: the publishing thread is between mosquitto_publish and recording the mid.
        lock (_publishGate) TryComplete(mid, reason);
    }

    private bool TryComplete(int mid, int reason)
    {
        if (_tagged.TryRemove(mid, out var tag))
        {
            Acknowledged?.Invoke(tag, reason);
            return true;
        }
        if (_pending.TryRemove(mid, out var pending))
        {
            pending.TrySetResult(reason);
            return true;
        }
        return false;
    }

    /// <summary>Subscribes at QoS 1; false when not connected (subscribe again from <see cref="IMqttClientObserver.OnConnected"/>).</summary>
    public bool Subscribe(string pattern)
    {
        var handle = _handle ?? throw new InvalidOperationException("not started");
        var rc = MosquittoNative.SubscribeV5(handle, null, pattern, 1, 0, 0);
        if (rc == MosquittoNative.NoConnection) return false;
        Check("subscribe", rc);
        return true;
    }

    /// <summary>Disconnects cleanly (no last will), stops the network thread, then frees the client; waits at most 5 s.</summary>
    public void Dispose() => Dispose(TimeSpan.FromSeconds(5));

    /// <summary>
    /// Like <see cref="Dispose()"/>, but gives the network threads at most <paramref name="limit"/> each: a connect to an
    /// unreachable host blocks inside libmosquitto until the TCP timeout (minutes). A client whose threads do not end
    /// in time is left to them (not freed, so no callback can reach freed memory); the process is ending anyway.
    /// </summary>
    public void Dispose(TimeSpan limit)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping.Cancel();
        _connected = false;
        var released = _connecting?.Join(limit) ?? true;
        if (released && _handle is { } handle)
        {
            var stop = new Thread(() =>
            {
                MosquittoNative.Disconnect(handle);
                MosquittoNative.LoopStop(handle, force: false);
            }) { IsBackground = true, Name = "mqtt-stop" };
            stop.Start();
            released = stop.Join(limit);
            if (released)
            {
                handle.Dispose();
                _self.Free();
            }
        }
        if (!released)
            _logger.LogWarning("MQTT client for {Host}:{Port} did not stop within {Limit}; left behind (the broker host does not answer)",
                _options.Host, _options.Port, limit);
        foreach (var pending in _pending.Values)
            pending.TrySetException(new ObjectDisposedException(nameof(MqttClient)));
    }

    private static void Check(string operation, int rc)
    {
        if (rc != MosquittoNative.Success) throw new MqttException(operation, rc, MosquittoNative.ErrorText(rc));
    }

    private static MqttClient? From(nint userData) =>
        userData == 0 ? null : GCHandle.FromIntPtr(userData).Target as MqttClient;

    private void HandleConnect(int rc, int flags)
    {
        if (rc == 0)
        {
            _connected = true;
            Volatile.Write(ref _refusalLogged, 0);
            _logger.LogInformation("MQTT connected to {Host}:{Port} (MQTT {Version}, session present {SessionPresent})",
                _options.Host, _options.Port, _protocol == MosquittoNative.ProtocolV5 ? "5" : "3.1.1", (flags & 1) != 0);
            _observer.OnConnected((flags & 1) != 0);
            return;
        }
        if (_protocol == MosquittoNative.ProtocolV5 && rc is MosquittoNative.ConnackUnsupportedProtocolV3 or MosquittoNative.ConnackUnsupportedProtocolV5
            && _handle is { } handle)
        {
            _protocol = MosquittoNative.ProtocolV311;
            MosquittoNative.IntOption(handle, MosquittoNative.OptionProtocolVersion, _protocol);
            _logger.LogInformation("MQTT broker {Host}:{Port} refused MQTT 5; using 3.1.1", _options.Host, _options.Port);
            return;
        }
        _logger.LogWarning("MQTT broker {Host}:{Port} refused the connection (return code {Code})", _options.Host, _options.Port, rc);
    }

    private void HandleDisconnect(int rc)
    {
        var wasConnected = _connected;
        _connected = false;
        if (wasConnected && rc != 0)
            _logger.LogWarning("MQTT connection to {Host}:{Port} lost ({Code}); reconnecting", _options.Host, _options.Port, rc);
        // Closed before it was accepted (e.g. a TLS handshake the CA file does not vouch for): said once per streak.
        else if (!wasConnected && rc != 0 && Interlocked.Exchange(ref _refusalLogged, 1) == 0)
            _logger.LogWarning("MQTT broker {Host}:{Port} not reachable yet (the link closed before the broker accepted it, code {Code}{Hint}); retrying in the background",
                _options.Host, _options.Port, rc, _options.UseTls ? "; check Gateway:Cloud:CaFile and the broker's certificate" : "");
        _observer.OnDisconnected(rc);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnConnectNative(nint mosq, nint userData, int rc, int flags)
    {
        // Nothing may escape into libmosquitto's thread: an exception here would end the process.
        try
        {
            From(userData)?.HandleConnect(rc, flags);
        }
        catch (Exception ex)
        {
            From(userData)?.LogCallbackFailure(ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDisconnectNative(nint mosq, nint userData, int rc)
    {
        try
        {
            From(userData)?.HandleDisconnect(rc);
        }
        catch (Exception ex)
        {
            From(userData)?.LogCallbackFailure(ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPublishNative(nint mosq, nint userData, int mid, int reasonCode, nint properties)
    {
        try
        {
            From(userData)?.HandlePuback(mid, reasonCode);
        }
        catch (Exception ex)
        {
            From(userData)?.LogCallbackFailure(ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessageNative(nint mosq, nint userData, MosquittoMessage* message)
    {
        try
        {
            if (From(userData) is not { } client || message is null) return;
            // libmosquitto frees the message after this returns: copy everything out now.
            var topic = Marshal.PtrToStringUTF8(message->Topic) ?? "";
            var payload = message->Payload == 0 || message->PayloadLength <= 0
                ? []
                : new ReadOnlySpan<byte>((void*)message->Payload, message->PayloadLength).ToArray();
            client._observer.OnMessage(new MqttMessage(topic, payload, message->Retain != 0));
        }
        catch (Exception ex)
        {
            From(userData)?.LogCallbackFailure(ex);
        }
    }

    private void LogCallbackFailure(Exception ex)
    {
        try
        {
            _logger.LogError(ex, "MQTT callback failed");
        }
        catch
        {
            // A failing logger must not take the process down either.
        }
    }
}
