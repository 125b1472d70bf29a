using Gateway.Core.Executions;
using Gateway.Radio.Io.Devices;

namespace Gateway.Radio.Io.Tests;

public class IoFailuresTests
{
    [Theory]
    [InlineData(0x04, "WHILEEXEC_BLOCKED_BY_HAZARD")]
    [InlineData(0x03, "WHILEEXEC_MANUALLY_CONTROLLED")]
    [InlineData(0x02, "ACTUATORNOANSWER")]
    [InlineData(0xE3, "PRIORITY_LOCK__RAIN")]
    [InlineData(0xEB, "PRIORITY_LOCK__WIND")]
    [InlineData(0xE1, "PRIORITY_LOCK__LOCAL_USER")]
    [InlineData(0xE0, "WHILEEXEC_DEVICE_LIMITATION")]
    [InlineData(0x0F, "WHILEEXEC_OVERHEATING_PROTECTION")]
    [InlineData(0x1D, "CMDCANCELLED")]
    [InlineData(0x77, "ERROR_WHILE_EXECUTING")]
    public void Run_status_replies_become_the_failure_types_a_box_reports(int reply, string failureType)
    {
        var failure = IoFailures.ForStatusReply((byte)reply);
        Assert.Equal(failureType, failure.Name);
        // The execution keeps the type when it is read back by name.
        Assert.Equal(failure, FailureType.FromName(failureType));
    }
}
