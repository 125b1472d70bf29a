namespace Gateway.Daemon.Hosting;

/// <summary>Makes sure the data directory exists and is writable, with a message that says what to do when not.</summary>
public static class DataDirectory
{
    public static void EnsureUsable(string path)
    {
        if (File.Exists(path))
            throw new StartupException($"data directory {path} is a file; choose a folder with --Gateway:DataDirectory=DIR");
        if (FileAncestor(path) is { } file)
            throw new StartupException($"data directory {path} cannot be created: {file} is a file, not a folder; choose another --Gateway:DataDirectory");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw new StartupException($"data directory {path} cannot be created: permission denied; create it for this user or choose another --Gateway:DataDirectory");
        }
        catch (IOException)
        {
            throw new StartupException($"data directory {path} cannot be created there; choose a folder on a writable file system with --Gateway:DataDirectory");
        }
        EnsureWritable(path);
    }

    public static void EnsureWritable(string path)
    {
        var probe = Path.Combine(path, $".write-test-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new StartupException($"data directory {path} is not writable by this user; fix its permissions or choose another --Gateway:DataDirectory");
        }
    }

    private static string? FileAncestor(string path)
    {
        for (var parent = Path.GetDirectoryName(path); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) return parent;
            if (Directory.Exists(parent)) return null;
        }
        return null;
    }
}
