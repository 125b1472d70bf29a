using Gateway.Cloud.Sync;

namespace Gateway.Cloud.Tests.Sync;

public sealed class CloudDownlinkRequestIdTests
{
    [Theory]
    [InlineData("r-1", true)]
    [InlineData("3f2a9c0e.retry_2", true)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    [InlineData("a+b", false)]
    [InlineData("é", false)]
    public void Request_ids_are_short_plain_ascii(string requestId, bool valid) =>
        Assert.Equal(valid, CloudDownlink.IsValidRequestId(requestId));

    [Fact]
    public void A_request_id_longer_than_the_limit_is_refused() =>
        Assert.False(CloudDownlink.IsValidRequestId(new string('a', CloudDownlink.MaxRequestIdLength + 1)));
}
