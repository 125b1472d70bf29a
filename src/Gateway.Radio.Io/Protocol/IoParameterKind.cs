namespace Gateway.Radio.Io.Protocol;

public enum IoParameterKind { Position, Relative, Target, Current, Default, Ignore, Unknown, Invalid }
