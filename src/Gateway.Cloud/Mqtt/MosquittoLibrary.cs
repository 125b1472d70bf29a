using System.Runtime.InteropServices;

namespace Gateway.Cloud.Mqtt;

/// <summary>Checks once, before any binding call, that libmosquitto can be loaded, so its absence is one clear error.</summary>
public static class MosquittoLibrary
{
    public const string DebianPackage = "libmosquitto1";

    /// <summary>Loads <paramref name="libraryName"/> and initialises it; returns its version as "major.minor.revision".</summary>
    public static string EnsureLoadable(string libraryName = MosquittoNative.Library)
    {
        if (!NativeLibrary.TryLoad(libraryName, typeof(MosquittoLibrary).Assembly, null, out _))
            throw new MosquittoUnavailableException(
                $"cloud sync is configured but {libraryName} cannot be loaded; install the Debian package {DebianPackage} (apt-get install {DebianPackage}) or remove Gateway:Cloud:BrokerUri");
        try
        {
            MosquittoNative.LibInit();
            MosquittoNative.LibVersion(out var major, out var minor, out var revision);
            if (major < 2)
                throw new MosquittoUnavailableException($"libmosquitto {major}.{minor}.{revision} is too old; install {DebianPackage} 2.0 or newer");
            return $"{major}.{minor}.{revision}";
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new MosquittoUnavailableException($"{libraryName} is not a usable libmosquitto ({ex.Message}); install the Debian package {DebianPackage}", ex);
        }
    }
}
