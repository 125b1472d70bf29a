using Gateway.Core.Executions;

namespace Gateway.Radio.Io.Devices;

/// <summary>The Overkiz failure type for a node's run status reply (GW_COMMAND_RUN_STATUS_NTF StatusReply).</summary>
public static class IoFailures
{
    public static FailureType ForStatusReply(byte reply) => reply switch
    {
        0x02 => FailureType.ActuatorNoAnswer,              // no contact
        0x03 => FailureType.ManuallyControlled,            // manually operated
        0x04 => FailureType.BlockedByHazard,               // blocked by an obstacle
        0x05 => FailureType.MasterAuthenticationFailed,    // wrong system key
        0x06 => FailureType.PriorityLockUser,              // priority level locked
        0x07 => FailureType.WhileExecutingOther,           // reached a wrong position
        0x08 => FailureType.ErrorWhileExecuting,           // error during execution
        0x09 => FailureType.NonExecuting,                  // no execution
        0x0A or 0x10 or 0x1E => FailureType.NonExecutingOther, // calibrating, not operational, waiting for power
        0x0B => FailureType.HighConsumption,
        0x0C => FailureType.LowConsumption,
        0x0D => FailureType.DoorIsOpened,                  // lock position open
        0x0E => FailureType.WhileExecutingOther,           // motion time too long
        0x0F => FailureType.OverheatingProtection,         // thermal protection
        0x11 => FailureType.FilterMaintenance,
        0x12 => FailureType.BatteryLevel,
        0x13 or 0x1B => FailureType.DeviceLimitation,      // target modified, target not reachable
        0x14 => FailureType.OperatingModeNotSupported,
        0x15 => FailureType.CommandIncompatibleWithMovement,
        0x16 => FailureType.UserActionNeeded,
        0x18 or 0xED => FailureType.AutomaticCycle,
        0x19 => FailureType.WrongLoadConnected,
        0x1A => FailureType.ColourNotReachable,
        0x1C => FailureType.BadParameter,                  // bad index received
        0x1D => FailureType.CommandCancelled,              // overruled by a newer command
        0xE0 or 0xE7 or 0xEC => FailureType.DeviceLimitation, // limited by an unknown device or by the node itself
        0xE1 => FailureType.PriorityLockLocalUser,
        0xE2 => FailureType.PriorityLockUser,
        0xE3 => FailureType.PriorityLockRain,
        0xE4 => FailureType.PriorityLockTimer,
        0xE6 => FailureType.PriorityLockUps,
        0xEA => FailureType.PriorityLockSaac,
        0xEB => FailureType.PriorityLockWind,
        0xEE => FailureType.PriorityLockEmergency,
        _ => FailureType.ErrorWhileExecuting,
    };

    public static string Describe(byte reply) => reply switch
    {
        0x01 => "completed",
        0x02 => "no contact",
        0x03 => "manually operated",
        0x04 => "blocked by an obstacle",
        0x06 => "priority level locked",
        0x08 => "error during execution",
        0x09 => "no execution",
        0x0F => "thermal protection",
        0x1D => "overruled by a newer command",
        >= 0xE0 and <= 0xEE => "limitation",
        _ => $"status reply 0x{reply:X2}",
    };
}
