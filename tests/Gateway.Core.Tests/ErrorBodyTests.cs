using System.Text.Json;
using Gateway.Core.Errors;

namespace Gateway.Core.Tests;

/// <summary>Every error the gateway answers with must be byte-for-byte what a TaHoma box sends.</summary>
public class ErrorBodyTests
{
    public static TheoryData<string, OverkizError> Cases => new()
    {
        { "400-no-such-device.json", OverkizError.NoSuchDevice("io://9876-1234-8767/4468654") },
        { "400-duplicate-action-on-device.json", OverkizError.DuplicateActionOnDevice("rts://1234-5678-1234/123456") },
        { "400-malformed-action-group.json", OverkizError.MalformedActionGroup() },
        { "400-malformed-fetch-id.json", OverkizError.MalformedFetchId() },
        { "400-missing-execution-id.json", OverkizError.MissingExecutionId() },
        { "400-missing-parameters.json", OverkizError.MalformedDeviceStates() },
        { "400-no-registered-event-listener.json", OverkizError.NoRegisteredEventListener() },
        { "400-unknown-object.json", OverkizError.UnknownObject() },
        { "400-unspecified-error.json", OverkizError.Unspecified() },
        { "400-bad-parameters.json", OverkizError.BadParameters("message") },
        { "204-no-corresponding-execId.json", OverkizError.NoCorrespondingExecId("c6f83624-ac10-3e01-653e-2b025fee956d") },
        { "401-missing-authorization-token.json", OverkizError.MissingAuthorizationToken() },
        { "401-not-authenticated.json", OverkizError.NotAuthenticated() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Error_matches_the_captured_body(string fixture, OverkizError error)
    {
        var real = Fixtures.Load(Path.Combine("local-errors", fixture));
        Assert.Equal(real.GetProperty("errorCode").GetString(), error.ErrorCode);
        Assert.Equal(real.GetProperty("error").ValueKind == JsonValueKind.Null ? null : real.GetProperty("error").GetString(), error.Error);
        Assert.InRange(error.Status, 400, 499);
    }

    [Fact]
    public void Unauthenticated_errors_are_401() =>
        Assert.All([OverkizError.MissingAuthorizationToken(), OverkizError.NotAuthenticated()], e => Assert.Equal(401, e.Status));
}
