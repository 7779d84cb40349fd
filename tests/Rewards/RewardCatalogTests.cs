using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Rewards;

public sealed class RewardCatalogTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    private readonly RewardsScenario _scenario = new(new Dictionary<string, string?> { ["Rewards:MaxImageBytes"] = "1024" });

    private HttpClient Admin => _scenario.Admin;

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task A_created_reward_is_returned_with_its_id_and_every_field()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/rewards", new
        {
            name = new { ru = "Скидка 5%", en = "5% off" },
            description = new { ru = "На следующую закупку" },
            category = "discount",
            costPoints = 1500,
            minTier = "gold",
            stock = 10,
            perMemberLimit = 2,
            availableFrom = "2026-06-01T00:00:00Z",
            availableTo = "2026-12-31T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/rewards/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Скидка 5%", body.GetProperty("name").GetProperty("ru").GetString());
        Assert.Equal("5% off", body.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal("discount", body.GetProperty("category").GetString());
        Assert.Equal(1500, body.GetProperty("costPoints").GetDecimal());
        Assert.Equal("Gold", body.GetProperty("minTier").GetString());
        Assert.Equal(10, body.GetProperty("stock").GetInt32());
        Assert.Equal(2, body.GetProperty("perMemberLimit").GetInt32());
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(id, (await Admin.GetJson($"/api/v1/rewards/{id}")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_reward_without_stock_is_unlimited()
    {
        var id = await _scenario.Reward(stock: null);
        Assert.Null(await _scenario.Stock(id));
    }

    [Fact]
    public async Task Put_replaces_the_editable_fields()
    {
        var id = await _scenario.Reward(costPoints: 1000, stock: 5);
        var response = await Admin.PutAsJsonAsync($"/api/v1/rewards/{id}", RewardsScenario.RewardBody(costPoints: 800, name: "Термос", stock: 3, category: "giftCertificate"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("Термос", body.GetProperty("name").GetProperty("ru").GetString());
        Assert.Equal(800, body.GetProperty("costPoints").GetDecimal());
        Assert.Equal(3, body.GetProperty("stock").GetInt32());
        Assert.Equal("giftCertificate", body.GetProperty("category").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_active_category_and_tier()
    {
        var mug = await _scenario.Reward(RewardsScenario.RewardBody(name: "Кружка", category: "goods"));
        var vip = await _scenario.Reward(RewardsScenario.RewardBody(name: "VIP-лаунж", category: "vip", minTier: "Platinum"));
        var course = await _scenario.Reward(RewardsScenario.RewardBody(name: "Курс", category: "training", minTier: "Silver"));
        await Admin.PostAsync($"/api/v1/rewards/{course}/deactivate", null);

        static string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([mug, vip, course], Ids(await Admin.GetJson("/api/v1/rewards")));
        Assert.Equal([mug, vip], Ids(await Admin.GetJson("/api/v1/rewards?active=true")));
        Assert.Equal([vip], Ids(await Admin.GetJson("/api/v1/rewards?category=vip")));
        Assert.Equal([mug, course], Ids(await Admin.GetJson("/api/v1/rewards?tier=gold")));
        Assert.Equal(3, (await Admin.GetJson("/api/v1/rewards?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_deactivated_reward_can_be_activated_again()
    {
        var id = await _scenario.Reward();
        var off = await (await Admin.PostAsync($"/api/v1/rewards/{id}/deactivate", null)).Json();
        Assert.False(off.GetProperty("active").GetBoolean());
        var on = await (await Admin.PostAsync($"/api/v1/rewards/{id}/activate", null)).Json();
        Assert.True(on.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_never_redeemed_reward_can_be_deleted()
    {
        var id = await _scenario.Reward();
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/rewards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/rewards/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_redeemed_reward_is_never_deleted_even_after_the_refund()
    {
        await _scenario.Member("D-1", 5000);
        var id = await _scenario.Reward();
        var redemption = await _scenario.Redeemed("D-1", id);
        await Admin.PostAsJsonAsync($"/api/v1/redemptions/{redemption}/reject", new { reason = "нет в наличии" });

        var response = await Admin.DeleteAsync($"/api/v1/rewards/{id}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("reward_redeemed", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/api/v1/rewards/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"category":"goods","costPoints":100}""", "missing_field", "name")]
    [InlineData("""{"name":{"en":"Mug"},"category":"goods","costPoints":100}""", "missing_field", "name.ru")]
    [InlineData("""{"name":{"ru":"Кружка"},"costPoints":100}""", "missing_field", "category")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods"}""", "missing_field", "costPoints")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods","costPoints":0}""", "out_of_range", "costPoints")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods","costPoints":-5}""", "out_of_range", "costPoints")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods","costPoints":10.005}""", "out_of_range", "costPoints")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods","costPoints":100,"minTier":"Diamond"}""", "invalid_value", "minTier")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods","costPoints":100,"stock":-1}""", "out_of_range", "stock")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods","costPoints":100,"perMemberLimit":0}""", "out_of_range", "perMemberLimit")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods","costPoints":100,"availableFrom":"2026-07-01T00:00:00Z","availableTo":"2026-06-01T00:00:00Z"}""", "out_of_range", "availableTo")]
    [InlineData("""{"name":{"ru":"Кружка"},"description":{"en":"no russian"},"category":"goods","costPoints":100}""", "missing_field", "description.ru")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"spaceship","costPoints":100}""", "malformed_json", "category")]
    [InlineData("""{"name":{"ru":"Кружка"},"category":"goods","costPoints":"100"}""", "malformed_json", "costPoints")]
    public async Task Invalid_rewards_are_refused_naming_the_field_and_nothing_is_created(string json, string code, string field)
    {
        var response = await Admin.PostRaw("/api/v1/rewards", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, (await Admin.GetJson("/api/v1/rewards")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_invalid_edit_changes_nothing()
    {
        var id = await _scenario.Reward(costPoints: 1000);
        var response = await Admin.PutAsJsonAsync($"/api/v1/rewards/{id}", new { name = new { ru = "Новое имя" }, category = "goods", costPoints = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reward = await Admin.GetJson($"/api/v1/rewards/{id}");
        Assert.Equal("Кружка", reward.GetProperty("name").GetProperty("ru").GetString());
        Assert.Equal(1000, reward.GetProperty("costPoints").GetDecimal());
    }

    [Theory]
    [InlineData("PUT", "/api/v1/rewards/nope")]
    [InlineData("POST", "/api/v1/rewards/nope/deactivate")]
    [InlineData("DELETE", "/api/v1/rewards/nope")]
    [InlineData("GET", "/api/v1/rewards/nope")]
    [InlineData("GET", "/api/v1/rewards/nope/image")]
    public async Task An_unknown_reward_is_a_404_with_the_reward_not_found_code(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(RewardsScenario.RewardBody());
        }

        var response = await Admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("reward_not_found", (await response.Json()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("category=spaceship", "category")]
    [InlineData("tier=Diamond", "tier")]
    [InlineData("active=maybe", "active")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task Bad_list_filters_are_refused_naming_the_parameter(string query, string field)
    {
        var response = await Admin.GetAsync($"/api/v1/rewards?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Json()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Only_managers_change_the_catalog_and_integrations_may_read_it()
    {
        var id = await _scenario.Reward();
        var integration = _scenario.Api.ClientWithKey(await _scenario.Api.KeyFor("integration"));

        Assert.Equal(HttpStatusCode.Forbidden, (await integration.PostAsJsonAsync("/api/v1/rewards", RewardsScenario.RewardBody())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.PostAsync($"/api/v1/rewards/{id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/rewards")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _scenario.Api.CreateClient().GetAsync("/api/v1/rewards")).StatusCode);
    }

    [Fact]
    public async Task A_png_uploaded_as_the_body_is_served_back_byte_for_byte()
    {
        var id = await _scenario.Reward();
        var upload = await Admin.PutAsync($"/api/v1/rewards/{id}/image", Bytes(Png, "image/png"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal($"/api/v1/rewards/{id}/image", (await upload.Json()).GetProperty("imageUrl").GetString());
        var image = await Admin.GetAsync($"/api/v1/rewards/{id}/image");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_jpeg_sent_as_a_multipart_file_is_stored_as_a_jpeg()
    {
        var id = await _scenario.Reward();
        using var form = new MultipartFormDataContent { { Bytes(Jpeg, "image/jpeg"), "image", "mug.jpg" } };
        var upload = await Admin.PostAsync($"/api/v1/rewards/{id}/image", form);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var image = await Admin.GetAsync($"/api/v1/rewards/{id}/image");
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_image_over_the_size_limit_is_a_413_and_nothing_is_stored()
    {
        var id = await _scenario.Reward();
        var big = Png.Concat(new byte[2000]).ToArray();
        var response = await Admin.PutAsync($"/api/v1/rewards/{id}/image", Bytes(big, "image/png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("image_too_large", (await response.Json()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/rewards/{id}/image")).StatusCode);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_png_or_jpeg_are_refused_whatever_the_content_type_says()
    {
        var id = await _scenario.Reward();
        var response = await Admin.PutAsync($"/api/v1/rewards/{id}/image", Bytes("GIF89a not really"u8.ToArray(), "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_image", (await response.Json()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_png_sent_the_curl_data_binary_way_is_recognised_by_its_bytes()
    {
        var id = await _scenario.Reward();
        var upload = await Admin.PutAsync($"/api/v1/rewards/{id}/image", Bytes(Png, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("image/png", (await Admin.GetAsync($"/api/v1/rewards/{id}/image")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Text_and_empty_bodies_are_refused()
    {
        var id = await _scenario.Reward();
        var text = await Admin.PutAsync($"/api/v1/rewards/{id}/image", new StringContent("hello"));
        Assert.Equal("invalid_image", (await text.Json()).GetProperty("code").GetString());
        var empty = await Admin.PutAsync($"/api/v1/rewards/{id}/image", Bytes([], "image/png"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("missing_field", (await empty.Json()).GetProperty("code").GetString());
    }

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
