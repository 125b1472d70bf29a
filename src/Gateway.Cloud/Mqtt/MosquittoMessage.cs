using System.Runtime.InteropServices;

namespace Gateway.Cloud.Mqtt;

/// <summary>struct mosquitto_message; pointer fields as nint so the layout follows the platform's pointer size.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MosquittoMessage
{
    public int Mid;
    public nint Topic;
    public nint Payload;
    public int PayloadLength;
    public int Qos;
    public byte Retain;
}
