using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace LoyaltyBot.Tests.Engagement;

/// <summary>A webhook receiver on 127.0.0.1: records each request and answers scripted status codes (then 200).</summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _script = new();
    private readonly Task _loop;

    public LoopbackReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Body, string? Signature, string? EventType, int Answered)> Received { get; } = new();

    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var status = _script.TryDequeue(out var scripted) ? scripted : 200;
            Received.Enqueue((body, context.Request.Headers["X-LoyaltyBot-Signature"], context.Request.Headers["X-LoyaltyBot-Event"], status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
