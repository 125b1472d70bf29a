namespace Gateway.Daemon.Backup;

/// <summary>An archive that will not be restored, with the sentence the technician sees.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
