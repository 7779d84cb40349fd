using System.Collections.Concurrent;

namespace LoyaltyBot.Tests.Fakes.Telegram;

/// <summary>
/// Files users "uploaded" to the fake: getFile answers their <c>file_path</c>, and
/// <c>{BaseUrl}/file/bot{token}/{file_path}</c> serves their bytes, as api.telegram.org does.
/// </summary>
internal sealed class FakeFiles
{
    private readonly ConcurrentDictionary<string, FakeFile> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeFile> _byPath = new(StringComparer.Ordinal);
    private int _count;

    public FakeFile Add(byte[] bytes, string folder, string extension)
    {
        var number = Interlocked.Increment(ref _count);
        var file = new FakeFile($"AgACAgIAAxkBAAI{number:D6}fake", $"AQAD{number:D6}", $"{folder}/file_{number}.{extension}", bytes);
        _byId[file.Id] = file;
        _byPath[file.Path] = file;
        return file;
    }

    public FakeFile? ById(string id) => _byId.GetValueOrDefault(id);

    public FakeFile? ByPath(string path) => _byPath.GetValueOrDefault(path);

    public void Clear()
    {
        _byId.Clear();
        _byPath.Clear();
    }
}

/// <summary>A file the fake holds: Telegram's file_id and file_unique_id, the path getFile gives, the bytes.</summary>
internal sealed record FakeFile(string Id, string UniqueId, string Path, byte[] Bytes);
