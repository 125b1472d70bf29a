using Gateway.Daemon.Cli;

namespace Gateway.Daemon.Tests;

public class CommandLineTests
{
    [Fact]
    public void Settings_in_both_forms_are_told_apart_from_the_rest()
    {
        var (settings, others) = CommandLine.Split(["token", "create", "--Gateway:DataDirectory=d", "--label", "x", "--Gateway:LogLevel", "Debug"]);
        Assert.Equal(["--Gateway:DataDirectory=d", "--Gateway:LogLevel", "Debug"], settings);
        Assert.Equal(["token", "create", "--label", "x"], others);
    }

    [Fact]
    public void Nothing_but_settings_leaves_nothing_else()
    {
        var (settings, others) = CommandLine.Split(["--Gateway:Api:HttpsPort=9443"]);
        Assert.Single(settings);
        Assert.Empty(others);
    }
}
