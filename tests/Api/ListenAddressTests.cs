using LoyaltyBot.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace LoyaltyBot.Tests.Api;

public sealed class ListenAddressTests
{
    [Fact]
    public void Without_a_chosen_address_the_api_listens_on_port_5080_of_localhost()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });

        builder.WebHost.UseDefaultListenAddress(builder.Configuration);

        Assert.Equal("http://localhost:5080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData("--urls=http://127.0.0.1:6001", "urls")]
    [InlineData("--http_ports=6002", "http_ports")]
    public void An_address_chosen_on_the_command_line_is_kept(string argument, string key)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [argument] });

        builder.WebHost.UseDefaultListenAddress(builder.Configuration);

        Assert.Equal(argument.Split('=')[1], builder.Configuration[key]);
        Assert.NotEqual("http://localhost:5080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void The_shipped_settings_name_no_address_so_ASPNETCORE_URLS_is_not_overridden()
    {
        // appsettings.json is read after the ASPNETCORE_* variables, so a "Urls" there would silently win over them.
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();

        Assert.Null(settings["Urls"]);
        Assert.NotNull(settings["Storage:Path"]);
    }
}
