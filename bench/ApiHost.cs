using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace LoyaltyBot.Bench;

/// <summary>
/// Runs the API as a child process (<c>dotnet LoyaltyBot.Api.dll</c>) on a free loopback port with a fresh
/// temporary storage file and a random admin key (or a given file and key, to restart on the same data).
/// Disposing kills the process tree and deletes the temp dir it created.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private const string RelativeDll = "api/bin/Release/net10.0/LoyaltyBot.Api.dll";
    private const string RelativeProject = "api/LoyaltyBot.Api.csproj";
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly TempDirectory? _tempDir;
    private readonly OutputTail _output = new(200);
    private int _disposed;

    private ApiHost(Process process, TempDirectory? tempDir, string dllPath, string baseUrl, string adminKey)
    {
        _process = process;
        _tempDir = tempDir;
        DllPath = dllPath;
        BaseUrl = baseUrl;
        AdminKey = adminKey;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string DllPath { get; }
    public string BaseUrl { get; }
    public string AdminKey { get; }

    /// <summary>Id of the API process (<c>dotnet</c> runs the app in its own process), e.g. to read its memory.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Last lines the API printed (stdout and stderr).</summary>
    public OutputTail Output => _output;

    /// <summary>Locates (building if needed) and starts the API, then waits until <c>GET /health</c> answers 200.</summary>
    /// <param name="environment">Extra configuration for the API as environment variables (<c>Telegram__BotToken</c>…).</param>
    /// <param name="storagePath">Use this LiteDB file (kept on dispose) instead of a fresh temporary one.</param>
    /// <param name="adminKey">Use this admin key instead of a random one.</param>
    public static async Task<ApiHost> StartAsync(
        string? dllOverride,
        bool forceBuild,
        TextWriter log,
        CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null,
        string? storagePath = null,
        string? adminKey = null)
    {
        var dllPath = dllOverride ?? await LocateOrBuildAsync(forceBuild, log, ct);
        if (!File.Exists(dllPath))
        {
            throw new InvalidOperationException($"API dll not found: {dllPath}");
        }

        var tempDir = storagePath is null ? TempDirectory.Create("loyaltybot-bench-api") : null;
        storagePath ??= Path.Combine(tempDir!.Path, "bench.db");
        var port = FindFreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        adminKey ??= RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);

        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(dllPath);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(baseUrl);
        psi.Environment["Storage__Path"] = storagePath;
        psi.Environment["Auth__AdminKey"] = adminKey;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        // Benchmarks measure throughput, not the limits that protect it: one key and a few chat users send far more.
        psi.Environment["RateLimits__Api__PermitLimit"] = "0";
        psi.Environment["RateLimits__Chat__MessagesPerMinute"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        log.WriteLine($"Starting API: dotnet {dllPath} --urls {baseUrl}");
        log.WriteLine($"  storage: {storagePath}");
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch
        {
            tempDir?.Dispose();
            throw;
        }

        var host = new ApiHost(process, tempDir, dllPath, baseUrl, adminKey);
        process.OutputDataReceived += (_, e) => host._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host._output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var elapsed = await host.WaitForHealthAsync(ct);
            log.WriteLine($"  healthy after {elapsed.TotalSeconds:F1} s");
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the API at once (SIGKILL, like <c>kill -9</c>), without a graceful shutdown.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        KillTree();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // the process refused to die; deleting the temp dir may fail below, which is reported
            }
        }

        _process.Dispose();
        _tempDir?.Dispose();
    }

    /// <summary>SIGKILL (no shutdown hooks, no flush) and wait until the process is gone.</summary>
    public async Task KillAsync()
    {
        KillTree();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _process.WaitForExitAsync(timeout.Token);
    }

    private static async Task<string> LocateOrBuildAsync(bool forceBuild, TextWriter log, CancellationToken ct)
    {
        var root = RepoLocator.FindRoot()
            ?? throw new InvalidOperationException("Cannot find the repository root (folder with LoyaltyBot.sln). Run from the repo, or use --api-url / --api-dll.");
        var dllPath = Path.Combine(root, RelativeDll);
        if (File.Exists(dllPath) && !forceBuild)
        {
            return dllPath;
        }

        log.WriteLine($"Building the API: dotnet build -c Release {RelativeProject}");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false };
        foreach (var arg in new[] { "build", "-c", "Release", RelativeProject, "-nologo" })
        {
            psi.ArgumentList.Add(arg);
        }

        using var build = Process.Start(psi) ?? throw new InvalidOperationException("Could not start 'dotnet build'.");
        try
        {
            await build.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            throw;
        }

        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"'dotnet build' of the API failed with exit code {build.ExitCode}.");
        }

        return File.Exists(dllPath) ? dllPath : throw new InvalidOperationException($"Build succeeded but {dllPath} does not exist.");
    }

    private async Task<TimeSpan> WaitForHealthAsync(CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {_process.ExitCode} before becoming healthy.{FormatOutput()}");
            }

            try
            {
                using var response = await http.GetAsync("health", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return started.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // not listening yet
            }

            if (started.Elapsed > HealthTimeout)
            {
                throw new TimeoutException($"The API did not answer 200 on /health within {HealthTimeout.TotalSeconds:F0} s.{FormatOutput()}");
            }

            await Task.Delay(200, ct);
        }
    }

    private string FormatOutput()
    {
        var lines = _output.Snapshot();
        return lines.Count == 0 ? " (no output)" : Environment.NewLine + "API output (last lines):" + Environment.NewLine + string.Join(Environment.NewLine, lines.TakeLast(40).Select(l => "  | " + l));
    }

    private void OnProcessExit(object? sender, EventArgs e) => KillTree();

    private void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
