using LoyaltyBot.Core.Referrals;
using LoyaltyBot.Core.Storage;

namespace LoyaltyBot.Tests.Referrals;

/// <summary>
/// Applications stored before phones were kept in E.164: a number typed the Russian way (8 916 …) was stored as
/// <c>+8916…</c>, where the program now stores <c>+7916…</c>. The phone rules still recognise such a number.
/// </summary>
public sealed class ReferralUpgradedPhoneTests : IDisposable
{
    private readonly ReferralScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Theory]
    [InlineData("8 916 123-45-67")]
    [InlineData("+79161234567")]
    public async Task A_phone_whose_pending_application_an_older_version_stored_with_the_trunk_8_cannot_register_again(string phone)
    {
        var code = await ReferralScenario.InviteCode(await _s.Member("P-1", "1001"));
        await ReferralScenario.Register(_s.Chat("2001"), code, phone: "+79161234567");
        await StoreAsAnOlderVersionDid("+79161234567", "+89161234567");
        var second = _s.Chat("2002");
        await ReferralScenario.UpToPhone(second, code, "ООО «Лютик»");

        var taken = await second.Say(phone);

        Assert.Contains("С этим номером уже есть заявка", ReferralScenario.Text(taken));
        Assert.Single(await _s.Applications());
    }

    [Fact]
    public async Task The_referrers_own_phone_stored_by_an_older_version_with_the_trunk_8_cannot_be_used_with_their_link()
    {
        var root = await _s.Member("P-1", "1001");
        var partner = _s.Chat("2001");
        await _s.RegisterAndApprove(partner, await ReferralScenario.InviteCode(root), phone: "+79160000001");
        await StoreAsAnOlderVersionDid("+79160000001", "+89160000001");
        var secondChat = _s.Chat("3001");
        await ReferralScenario.UpToPhone(secondChat, await ReferralScenario.InviteCode(partner), "ООО «Ромашка-2»");

        var refused = await secondChat.Say("8 916 000-00-01");

        Assert.Contains("По собственному приглашению зарегистрироваться нельзя", ReferralScenario.Text(refused));
        Assert.Single(await _s.Applications());
    }

    /// <summary>Rewrites the stored phone the way a version before E.164 phones wrote a typed 8 916 … (the old shape).</summary>
    private Task StoreAsAnOlderVersionDid(string phone, string oldSpelling) =>
        _s.Service<IStoreWriter>().WriteAsync(store =>
        {
            var applications = store.Set<ReferralApplication>();
            var application = applications.FindOne(a => a.Phone == phone)!;
            applications.Update(application with { Phone = oldSpelling });
            return true;
        });
}
