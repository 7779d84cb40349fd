using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LoyaltyBot.Tests.Fakes.Teams;
using Microsoft.IdentityModel.Tokens;

namespace LoyaltyBot.Tests.Teams;

/// <summary>Every request to <c>POST /api/messages</c> must carry a Bot Connector token that vouches for exactly this activity.</summary>
public sealed class TeamsAuthTests : IAsyncLifetime
{
    private const string Fixture = "message_personal_with_aadObjectId_2018.json";
    private const string UserId = "29:uniqueId";

    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private FakeBotFrameworkServer Fake => _host.Fake;

    private string ServiceUrl => Fake.ServiceUrl;

    private async Task AssertRefusedAndNothingProcessed(HttpStatusCode expected, byte[] body, string? token)
    {
        var response = await _host.Post(body, token);

        Assert.Equal(expected, response.StatusCode);
        await Task.Delay(100);
        Assert.Null(_host.Identity(UserId));
        Assert.Empty(Fake.Calls);
        Assert.Empty(Fake.TokenRequests);
    }

    private byte[] Body(Action<JsonObject>? change = null)
    {
        var activity = _host.Activity(Fixture);
        change?.Invoke(activity);
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }

    [Fact]
    public async Task A_correctly_signed_activity_is_accepted_and_answered()
    {
        var response = await _host.PostFixture(Fixture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(_host.Identity(UserId));
        Assert.Single(Fake.Calls, c => c.Kind == "reply");
    }

    [Fact]
    public async Task A_request_without_an_authorization_header_is_refused() =>
        await AssertRefusedAndNothingProcessed(HttpStatusCode.Unauthorized, Body(), token: null);

    [Fact]
    public async Task A_token_signed_by_another_key_under_a_published_key_id_is_refused()
    {
        using var forger = new TestSigningKey("teams-key", "msteams");
        await AssertRefusedAndNothingProcessed(HttpStatusCode.Unauthorized, Body(), forger.Sign(FakeBotFrameworkServer.AppId, ServiceUrl));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused() =>
        await AssertRefusedAndNothingProcessed(
            HttpStatusCode.Unauthorized, Body(), Fake.TeamsKey.Sign(FakeBotFrameworkServer.AppId, ServiceUrl, issuer: "https://sts.windows.net/evil/"));

    [Fact]
    public async Task A_token_for_another_bot_is_refused() =>
        await AssertRefusedAndNothingProcessed(
            HttpStatusCode.Unauthorized, Body(), Fake.TeamsKey.Sign("99999999-0000-0000-0000-000000000000", ServiceUrl));

    [Fact]
    public async Task An_expired_token_is_refused() =>
        await AssertRefusedAndNothingProcessed(
            HttpStatusCode.Unauthorized,
            Body(),
            Fake.TeamsKey.Sign(FakeBotFrameworkServer.AppId, ServiceUrl, notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddMinutes(-10)));

    [Fact]
    public async Task A_token_expired_within_the_five_minutes_of_clock_skew_is_still_accepted()
    {
        var token = Fake.TeamsKey.Sign(FakeBotFrameworkServer.AppId, ServiceUrl, notBefore: DateTimeOffset.UtcNow.AddHours(-1), expires: DateTimeOffset.UtcNow.AddMinutes(-2));

        var response = await _host.Post(Body(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_whose_serviceurl_claim_differs_from_the_activity_is_forbidden() =>
        await AssertRefusedAndNothingProcessed(
            HttpStatusCode.Forbidden, Body(), Fake.TeamsKey.Sign(FakeBotFrameworkServer.AppId, "https://smba.trafficmanager.net/emea/"));

    [Fact]
    public async Task A_token_signed_by_a_key_not_endorsed_for_msteams_is_forbidden() =>
        await AssertRefusedAndNothingProcessed(
            HttpStatusCode.Forbidden, Body(), Fake.WebChatOnlyKey.Sign(FakeBotFrameworkServer.AppId, ServiceUrl));

    [Fact]
    public async Task An_activity_whose_service_url_is_not_an_allowed_host_is_refused_even_with_a_matching_token()
    {
        const string evil = "https://connector.evil.example/amer/";
        await AssertRefusedAndNothingProcessed(
            HttpStatusCode.Forbidden, Body(a => a["serviceUrl"] = evil), Fake.TeamsKey.Sign(FakeBotFrameworkServer.AppId, evil));
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var payload = $$"""{"iss":"https://api.botframework.com","aud":"{{FakeBotFrameworkServer.AppId}}","serviceurl":"{{ServiceUrl}}","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""";
        var token = $"{Part("""{"alg":"none","typ":"JWT","kid":"teams-key"}""")}.{Part(payload)}.";

        await AssertRefusedAndNothingProcessed(HttpStatusCode.Unauthorized, Body(), token);
    }

    [Theory]
    [InlineData("x.y.z")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6InRlYW1zLWtleSJ9.WzEsMl0.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6NX0.e30.c2ln")]
    [InlineData("eyJhbGciOlsiUlMyNTYiXSwia2lkIjoiYSJ9.e30.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6InRlYW1zLWtleSJ9.a.b.c.d")]
    public async Task A_token_with_three_or_five_parts_that_are_not_a_jwt_is_refused_as_unauthorized_not_as_a_server_error(string token) =>
        await AssertRefusedAndNothingProcessed(HttpStatusCode.Unauthorized, Body(), token);

    [Fact]
    public async Task A_token_with_a_symmetric_algorithm_is_refused() =>
        await AssertRefusedAndNothingProcessed(HttpStatusCode.Unauthorized, Body(), "eyJhbGciOiJIUzI1NiIsImtpZCI6InRlYW1zLWtleSJ9.e30.c2lnbmF0dXJl");

    [Fact]
    public async Task A_key_published_after_the_keys_were_cached_is_found_by_fetching_them_again()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.PostFixture(Fixture)).StatusCode);
        var fetches = Fake.KeyRequests;
        using var rotated = new TestSigningKey("rotated-key", "msteams");
        Fake.Publish(rotated);

        var response = await _host.Post(Body(), rotated.Sign(FakeBotFrameworkServer.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fetches + 1, Fake.KeyRequests);
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_cached_across_requests()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _host.PostFixture(Fixture)).StatusCode);
        }

        Assert.Equal(1, Fake.KeyRequests);
    }

    [Fact]
    public async Task A_token_naming_an_unknown_key_is_refused_after_one_fresh_look_at_the_keys()
    {
        using var stranger = new TestSigningKey("never-published", "msteams");

        await AssertRefusedAndNothingProcessed(HttpStatusCode.Unauthorized, Body(), stranger.Sign(FakeBotFrameworkServer.AppId, ServiceUrl));
        Assert.Equal(2, Fake.KeyRequests);
    }
}
