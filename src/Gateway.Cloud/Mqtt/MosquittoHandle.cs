using System.Runtime.InteropServices;

namespace Gateway.Cloud.Mqtt;

/// <summary>Owns one libmosquitto client; destroying it is the last step, after disconnect and loop_stop.</summary>
internal sealed class MosquittoHandle : SafeHandle
{
    public MosquittoHandle() : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        MosquittoNative.Destroy(handle);
        return true;
    }
}
