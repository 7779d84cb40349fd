using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LoyaltyBot.Bot.Conversations;
using LoyaltyBot.Bot.Delivery;
using LoyaltyBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LoyaltyBot.Tests.Referrals;

/// <summary>
/// The real host on a temp file with a fake clock and the recording "test" channel, partners and managers linked to
/// chat, and newcomers who register. Telegram is off here, so <c>/invite</c> shows the code to type (<c>/ref CODE</c>).
/// </summary>
internal sealed partial class ReferralScenario : IDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-06-15T09:00:00Z", CultureInfo.InvariantCulture);

    private readonly TempFolder _folder = new();
    private string? _managerKey;

    public ReferralScenario(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Channel = new RecordingChannelSender(Clock) { Limits = new ChannelLimits(1000, TimeSpan.Zero) };
        Api = new ApiFactory(_folder.File("loyalty.db"), Clock, settings, s => s.AddSingleton<IChannelSender>(Channel));
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RecordingChannelSender Channel { get; }

    public ApiFactory Api { get; }

    public HttpClient Admin => Api.Admin();

    public T Service<T>() where T : notnull => Api.Services.GetRequiredService<T>();

    /// <summary>A client with a manager-role key (the referral endpoints' policy).</summary>
    public async Task<HttpClient> Manager()
    {
        _managerKey ??= await Api.KeyFor("manager");
        return Api.ClientWithKey(_managerKey);
    }

    public ChatDriver Chat(string user) => new(Api.Services, user);

    /// <summary>Enrols a member through the API and links chat user <paramref name="user"/> with the join code.</summary>
    public async Task<ChatDriver> Member(string externalId, string user, string? name = null)
    {
        var response = await Admin.CreateMember(externalId, name ?? "Партнёр " + externalId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var chat = Chat(user);
        await chat.Say((await response.Json()).GetProperty("joinCode").GetString()!);
        return chat;
    }

    /// <summary>A member with the manager role, linked to chat.</summary>
    public async Task<ChatDriver> ManagerChat(string externalId, string user)
    {
        var chat = await Member(externalId, user, "Менеджер " + externalId);
        var granted = await Admin.PostAsJsonAsync($"/api/v1/members/{externalId}/roles", new { roles = new[] { "manager" } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        return chat;
    }

    /// <summary>The partner's referral code, from their <c>/invite</c> card.</summary>
    public static async Task<string> InviteCode(ChatDriver partner)
    {
        var text = ChatDriver.AllText(await partner.Say("/invite"));
        return RefCommand().Match(text) is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"No code in the invitation card: {text}");
    }

    /// <summary>Goes through the dialog up to its phone step: <c>/ref code</c>, company, region button.</summary>
    public static async Task UpToPhone(ChatDriver newcomer, string code, string company = "ООО «Ромашка»", string region = "Москва")
    {
        var welcome = await newcomer.Say($"/ref {code}");
        Assert.Contains("Шаг 1 из 3", ChatDriver.AllText(welcome));
        var regions = await newcomer.Say(company);
        await newcomer.Press(Button(regions, region));
    }

    /// <summary>Registers through the whole dialog: <c>/ref code</c>, company, region button, typed phone, submit.</summary>
    public static async Task<ConversationTurn> Register(
        ChatDriver newcomer, string code, string company = "ООО «Ромашка»", string region = "Казань", string phone = "+7 916 123-45-67")
    {
        await UpToPhone(newcomer, code, company, region);
        var confirm = await newcomer.Say(phone);
        Assert.Contains("Проверьте данные заявки", ChatDriver.AllText(confirm));
        return await newcomer.Press(Button(confirm, "✅ Отправить заявку"));
    }

    /// <summary>Sends a phone number as the channel's contact button would.</summary>
    public static Task<ConversationTurn> ShareContact(ChatDriver chat, string user, string phone) => chat.Send(new IncomingMessage
    {
        Channel = "test",
        ChannelUserId = user,
        ChatId = user,
        ContactPhone = phone,
        LanguageHint = "ru",
    });

    public async Task<JsonElement[]> Applications(string? status = null)
    {
        var manager = await Manager();
        var url = status is null ? "/api/v1/applications" : $"/api/v1/applications?status={status}";
        return (await manager.GetJson(url)).GetProperty("items").EnumerateArray().ToArray();
    }

    /// <summary>The id of the only pending application.</summary>
    public async Task<string> PendingId() => Assert.Single(await Applications("pending")).GetProperty("id").GetString()!;

    public async Task<HttpResponseMessage> Approve(string id, string? externalId = null) =>
        await (await Manager()).PostAsJsonAsync($"/api/v1/applications/{id}/approve", new { externalId });

    /// <summary>Registers <paramref name="newcomer"/> with <paramref name="code"/> and approves that (newest) application; returns the new member's external id.</summary>
    public async Task<string> RegisterAndApprove(ChatDriver newcomer, string code, string phone, string company = "ООО «Ромашка»")
    {
        await Register(newcomer, code, company, phone: phone);
        var response = await Approve((await Applications("pending"))[0].GetProperty("id").GetString()!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Json()).GetProperty("memberExternalId").GetString()!;
    }

    public Task<HttpResponseMessage> Sale(string id, string externalId, long units = 1) =>
        Admin.PostSale(id, externalId, units, Clock.GetUtcNow());

    public async Task<decimal> Balance(string externalId) =>
        (await Admin.GetJson($"/api/v1/members/{externalId}")).GetProperty("balance").GetDecimal();

    public async Task<JsonElement[]> ReferralBonuses(string externalId) =>
        (await Admin.GetJson($"/api/v1/members/{externalId}/ledger")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "referralBonus").ToArray();

    /// <summary>
    /// The plain text delivered through the outbox to chat <paramref name="user"/> that contains <paramref name="expected"/>,
    /// waiting for it. The sender paces sends on the (fake) clock, so the clock is nudged a second at a time meanwhile.
    /// </summary>
    public async Task<string> DeliveredTo(string user, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Delivered(user).Any(t => t.Contains(expected, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Nothing containing «{expected}» was delivered to {user}; delivered: {string.Join(" | ", Delivered(user))}");
            }

            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(25);
        }

        return Delivered(user).First(t => t.Contains(expected, StringComparison.Ordinal));
    }

    public string[] Delivered(string user) =>
        Channel.Delivered.Where(d => d.ChatId == user).Select(d => Plain(d.Message.Text.ToPlainText())).ToArray();

    /// <summary>The payload of the button labelled <paramref name="label"/> in the turn.</summary>
    public static string Button(ConversationTurn turn, string label) =>
        ChatDriver.AllButtons(turn).FirstOrDefault(b => b.Label == label)?.Payload
        ?? throw new Xunit.Sdk.XunitException($"No button '{label}' in: {string.Join(", ", ChatDriver.AllButtons(turn).Select(b => b.Label))}");

    /// <summary>The turn's text with non-breaking spaces (of "1 250 баллов") made plain.</summary>
    public static string Text(ConversationTurn turn) => Plain(ChatDriver.AllText(turn));

    public void Dispose()
    {
        Api.Dispose();
        _folder.Dispose();
    }

    private static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [GeneratedRegex(@"/ref ([2-9A-HJ-NP-Z]{12})")]
    private static partial Regex RefCommand();
}
