using System.Net;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Api;

public sealed class HostTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Data_survives_a_restart_of_the_host_on_the_same_file()
    {
        var path = _folder.File("loyalty.db");
        using (var first = new ApiFactory(path))
        {
            var client = first.Admin();
            await client.CreateMember("D-1");
            await client.PostSale("S-1", "D-1", 1200);
        }

        using var second = new ApiFactory(path);
        var member = await second.Admin().GetJson("/api/v1/members/D-1");
        Assert.Equal(1300m, member.GetProperty("balance").GetDecimal());
        Assert.Equal("Silver", member.GetProperty("tier").GetString());
        var replay = await second.Admin().PostSale("S-1", "D-1", 1200);
        Assert.Equal(HttpStatusCode.Created, (await second.Admin().PostSale("S-2", "D-1", 1)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Created, replay.StatusCode);
    }

    [Fact]
    public async Task Health_is_200_when_the_store_is_reachable()
    {
        using var api = new ApiFactory(_folder.File("h.db"));
        var response = await api.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_and_the_reference_page_are_served()
    {
        using var api = new ApiFactory(_folder.File("o.db"));
        var client = api.CreateClient();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/sales/batch", doc);
        var scalar = await client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }
}
