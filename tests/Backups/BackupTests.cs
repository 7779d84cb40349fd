using System.Net;
using System.Net.Http.Json;
using LoyaltyBot.Tests.Support;

namespace LoyaltyBot.Tests.Backups;

public sealed class BackupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_backup_restored_into_a_new_host_shows_the_state_at_backup_time()
    {
        string backupPath;
        await using (var api = new ApiFactory(_folder.File("live.db"), settings: BackupSettings()))
        {
            var client = api.Admin();
            await client.CreateMember("D-1");
            await client.PostSale("S-1", "D-1", 40);

            var response = await client.PostAsync("/api/v1/admin/backup", null);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await response.Json();
            backupPath = body.GetProperty("path").GetString()!;
            Assert.StartsWith(_folder.File("backups"), backupPath);
            Assert.Equal(new FileInfo(backupPath).Length, body.GetProperty("sizeBytes").GetInt64());
            await client.PostSale("S-2", "D-1", 60);
            await client.CreateMember("D-2");
        }

        // Restore: the service is stopped, the backup file becomes the database file.
        var restored = _folder.File("restored.db");
        File.Copy(backupPath, restored);
        await using var restoredApi = new ApiFactory(restored);
        var restoredClient = restoredApi.Admin();
        var member = await restoredClient.GetJson("/api/v1/members/D-1");
        Assert.Equal(40m, member.GetProperty("balance").GetDecimal());
        Assert.Equal(40, member.GetProperty("unitsThisYear").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await restoredClient.GetAsync("/api/v1/members/D-2")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await restoredClient.PostSale("S-2", "D-1", 60)).StatusCode);
    }

    [Fact]
    public async Task A_backup_taken_while_sales_stream_in_is_a_consistent_database()
    {
        string backupPath;
        await using (var api = new ApiFactory(_folder.File("live.db"), settings: BackupSettings()))
        {
            var client = api.Admin();
            await client.CreateMember("D-1");
            var sales = Enumerable.Range(1, 200).Select(i => client.PostSale($"S-{i}", "D-1", 3)).ToList();
            var backup = client.PostAsync("/api/v1/admin/backup", null);
            await Task.WhenAll(sales);
            backupPath = (await (await backup).Json()).GetProperty("path").GetString()!;
        }

        var restored = _folder.File("restored.db");
        File.Copy(backupPath, restored);
        await using var restoredApi = new ApiFactory(restored);
        var restoredClient = restoredApi.Admin();
        var member = await restoredClient.GetJson("/api/v1/members/D-1");
        var ledger = await restoredClient.GetJson("/api/v1/members/D-1/ledger?pageSize=200");
        var entries = ledger.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(member.GetProperty("balance").GetDecimal(), entries.Sum(e => e.GetProperty("amount").GetDecimal()));
        Assert.Equal(member.GetProperty("unitsThisYear").GetInt64(), 3L * ledger.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Without_a_backup_directory_backups_go_next_to_the_database_file()
    {
        var data = Directory.CreateDirectory(_folder.File("volume")).FullName;
        await using var api = new ApiFactory(Path.Combine(data, "loyalty.db"));

        var response = await api.Admin().PostAsync("/api/v1/admin/backup", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var path = (await response.Json()).GetProperty("path").GetString()!;
        Assert.Equal(Path.Combine(data, "backups"), Path.GetDirectoryName(path));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Only_an_admin_key_may_take_a_backup()
    {
        await using var api = new ApiFactory(_folder.File("live.db"), settings: BackupSettings());
        var manager = api.ClientWithKey(await api.KeyFor("manager"));

        var response = await manager.PostAsync("/api/v1/admin/backup", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(Directory.Exists(_folder.File("backups")) && Directory.EnumerateFiles(_folder.File("backups")).Any());
    }

    private Dictionary<string, string?> BackupSettings() => new() { ["Backup:Directory"] = _folder.File("backups") };
}
