namespace Gateway.Core.Executions;

/// <summary>The Overkiz failure types the gateway reports, with their numeric codes.</summary>
public sealed record FailureType(string Name, int Code)
{
    public static readonly FailureType NoFailure = new("NO_FAILURE", 0);
    public static readonly FailureType NonExecuting = new("NON_EXECUTING", 11);
    public static readonly FailureType ErrorWhileExecuting = new("ERROR_WHILE_EXECUTING", 12);
    public static readonly FailureType ActuatorUnknown = new("ACTUATORUNKNOWN", 101);
    public static readonly FailureType ActuatorNoAnswer = new("ACTUATORNOANSWER", 102);
    public static readonly FailureType CommandUnknown = new("CMDUNKNOWN", 105);
    public static readonly FailureType CommandCancelled = new("CMDCANCELLED", 106);

    // What an actuator reports when it stopped or refused (io-homecontrol run status replies).
    public static readonly FailureType BadParameter = new("BAD_PARAM", 115);
    public static readonly FailureType MasterAuthenticationFailed = new("MASTER_AUTHENTICATION_FAILED_ERROR", 140);
    public static readonly FailureType NonExecutingOther = new("NONEXEC_OTHER", 160);
    public static readonly FailureType BlockedByHazard = new("WHILEEXEC_BLOCKED_BY_HAZARD", 161);
    public static readonly FailureType OverheatingProtection = new("WHILEEXEC_OVERHEATING_PROTECTION", 162);
    public static readonly FailureType DeviceLimitation = new("WHILEEXEC_DEVICE_LIMITATION", 163);
    public static readonly FailureType DoorIsOpened = new("WHILEEXEC_DOOR_IS_OPENED", 164);
    public static readonly FailureType WhileExecutingOther = new("WHILEEXEC_OTHER", 166);
    public static readonly FailureType PriorityLockLocalUser = new("PRIORITY_LOCK__LOCAL_USER", 167);
    public static readonly FailureType PriorityLockUser = new("PRIORITY_LOCK__USER", 168);
    public static readonly FailureType PriorityLockRain = new("PRIORITY_LOCK__RAIN", 169);
    public static readonly FailureType PriorityLockTimer = new("PRIORITY_LOCK__TIMER", 170);
    public static readonly FailureType PriorityLockUps = new("PRIORITY_LOCK__UPS", 172);
    public static readonly FailureType PriorityLockSaac = new("PRIORITY_LOCK__SAAC", 175);
    public static readonly FailureType PriorityLockWind = new("PRIORITY_LOCK__WIND", 176);
    public static readonly FailureType PriorityLockEmergency = new("PRIORITY_LOCK__EMERGENCY", 178);
    public static readonly FailureType ManuallyControlled = new("WHILEEXEC_MANUALLY_CONTROLLED", 420);
    public static readonly FailureType AutomaticCycle = new("WHILEEXEC_AUTOMATIC_CYCLE", 421);
    public static readonly FailureType BatteryLevel = new("WHILEEXEC_BATTERY_LEVEL", 422);
    public static readonly FailureType WrongLoadConnected = new("WHILEEXEC_WRONG_LOAD_CONNECTED", 423);
    public static readonly FailureType HighConsumption = new("WHILEEXEC_HIGH_CONSUMPTION", 424);
    public static readonly FailureType LowConsumption = new("WHILEEXEC_LOW_CONSUMPTION", 425);
    public static readonly FailureType ColourNotReachable = new("WHILEEXEC_COLOUR_NOT_REACHABLE", 426);
    public static readonly FailureType UserActionNeeded = new("WHILEEXEC_USER_ACTION_NEEDED", 427);
    public static readonly FailureType CommandIncompatibleWithMovement = new("WHILEEXEC_COMMAND_INCOMPATIBLE_WITH_MOVEMENT", 428);
    public static readonly FailureType FilterMaintenance = new("WHILEEXEC_FILTER_MAINTENANCE", 430);
    public static readonly FailureType OperatingModeNotSupported = new("WHILEEXEC_OPERATING_MODE_NOT_SUPPORTED", 431);

    private static readonly FailureType[] All =
    [
        NoFailure, NonExecuting, ErrorWhileExecuting, ActuatorUnknown, ActuatorNoAnswer, CommandUnknown, CommandCancelled,
        BadParameter, MasterAuthenticationFailed, NonExecutingOther, BlockedByHazard, OverheatingProtection, DeviceLimitation,
        DoorIsOpened, WhileExecutingOther, PriorityLockLocalUser, PriorityLockUser, PriorityLockRain, PriorityLockTimer,
        PriorityLockUps, PriorityLockSaac, PriorityLockWind, PriorityLockEmergency, ManuallyControlled, AutomaticCycle,
        BatteryLevel, WrongLoadConnected, HighConsumption, LowConsumption, ColourNotReachable, UserActionNeeded,
        CommandIncompatibleWithMovement, FilterMaintenance, OperatingModeNotSupported,
    ];

    public static FailureType FromName(string? name) =>
        All.FirstOrDefault(f => f.Name == name) ?? ErrorWhileExecuting;
}
