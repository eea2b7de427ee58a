using System.Net;

namespace Talks.Api.Tests.Infrastructure;

/// <summary>A request body that tells when the client is ready to send it, and waits for leave to do so.</summary>
public sealed class GatedContent : HttpContent
{
    private readonly byte[] bytes;

    public GatedContent(byte[] bytes)
    {
        this.bytes = bytes;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Requested => _requested.Task;

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _requested.TrySetResult();
        await _released.Task;
        await stream.WriteAsync(bytes);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}
