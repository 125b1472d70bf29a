namespace Gateway.Core.Automation;

/// <summary>Activation modes of a setup trigger (PUT /triggers/{type}/{oid}/activation/{mode}).</summary>
public static class TriggerModes
{
    public const int AlwaysOn = 1;
    public const int Off = 2;
    public const int Scheduled = 3;

    public static bool IsValid(int mode) => mode is AlwaysOn or Off or Scheduled;
}
