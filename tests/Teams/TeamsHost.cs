using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LoyaltyBot.Core.Identities;
using LoyaltyBot.Tests.Fakes.Teams;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LoyaltyBot.Tests.Teams;

/// <summary>
/// The real API host with the Teams adapter pointed at a <see cref="FakeBotFrameworkServer"/>: posts activities
/// (the real captures in <c>Fixtures/</c>) to <c>POST /api/messages</c> with tokens signed by the fake's keys.
/// </summary>
public sealed partial class TeamsHost : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    private TeamsHost(FakeBotFrameworkServer fake, IReadOnlyDictionary<string, string?> settings)
    {
        Fake = fake;
        Api = new ApiFactory(_folder.File("loyalty.db"), settings: settings);
        Client = Api.CreateClient();
    }

    public FakeBotFrameworkServer Fake { get; }

    public ApiFactory Api { get; }

    public HttpClient Client { get; }

    public ChatIdentities Identities => Api.Services.GetRequiredService<ChatIdentities>();

    /// <summary>Starts the fake and the host; <paramref name="allowedServiceHosts"/> replaces the loopback-only default.</summary>
    public static async Task<TeamsHost> StartAsync(params string[] allowedServiceHosts)
    {
        var fake = await FakeBotFrameworkServer.StartAsync();
        return new TeamsHost(fake, fake.Settings(allowedServiceHosts));
    }

    /// <summary>Starts the fake and the host with more settings on top of the fake's.</summary>
    public static async Task<TeamsHost> StartAsync(IReadOnlyDictionary<string, string?> extraSettings)
    {
        var fake = await FakeBotFrameworkServer.StartAsync();
        var settings = fake.Settings();
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        return new TeamsHost(fake, settings);
    }

    /// <summary>A captured activity as parsed JSON, its service URL pointed at the fake.</summary>
    public JsonObject Activity(string fixture) =>
        JsonNode.Parse(Encoding.UTF8.GetString(TeamsFixtures.WithoutBom(FixtureBytes(fixture))))!.AsObject();

    /// <summary>A captured activity's bytes as captured (byte order mark included), its service URL pointed at the fake.</summary>
    public byte[] FixtureBytes(string fixture)
    {
        var bytes = TeamsFixtures.Read(fixture);
        var bom = TeamsFixtures.HasBom(bytes);
        var text = ServiceUrlProperty().Replace(
            Encoding.UTF8.GetString(TeamsFixtures.WithoutBom(bytes)), $"\"serviceUrl\": \"{Fake.ServiceUrl}\"");
        var body = Encoding.UTF8.GetBytes(text);
        return bom ? [.. TeamsFixtures.Bom, .. body] : body;
    }

    /// <summary>Posts an activity with a valid connector token for its service URL.</summary>
    public Task<HttpResponseMessage> Post(JsonObject activity) =>
        Post(Encoding.UTF8.GetBytes(activity.ToJsonString()), Fake.TeamsKey.Sign(FakeBotFrameworkServer.AppId, activity["serviceUrl"]!.GetValue<string>()));

    public Task<HttpResponseMessage> Post(byte[] body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Posts a fixture as captured (its BOM kept), with a valid token.</summary>
    public Task<HttpResponseMessage> PostFixture(string fixture) =>
        Post(FixtureBytes(fixture), Fake.TeamsKey.Sign(FakeBotFrameworkServer.AppId, Fake.ServiceUrl));

    /// <summary>Enrols a member through the API and returns its join code.</summary>
    public async Task<string> EnrolAsync(string externalId, string name, string language = "en")
    {
        var response = await Api.Admin().PostAsJsonAsync("/api/v1/members", new { externalId, name, language });
        response.EnsureSuccessStatusCode();
        return (await response.Json()).GetProperty("joinCode").GetString()!;
    }

    public ChatIdentity? Identity(string teamsUserId) => Identities.Get(ChatIdentity.KeyOf("teams", teamsUserId));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Api.DisposeAsync();
        await Fake.DisposeAsync();
        _folder.Dispose();
    }

    [GeneratedRegex("\"serviceUrl\"\\s*:\\s*\"[^\"]*\"")]
    private static partial Regex ServiceUrlProperty();
}
