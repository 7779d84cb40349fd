using LoyaltyBot.Api.Problems;
using LoyaltyBot.Core.Results;
using LoyaltyBot.Core.Rewards;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LoyaltyBot.Api.Rewards;

/// <summary>
/// Reads an uploaded reward image the two ways integrators send files: a <c>multipart/form-data</c> form with a
/// file part (named <c>image</c>, else the first file), or else the raw bytes as the body. The declared
/// Content-Type of a raw body is not trusted either way (<c>curl --data-binary</c> sends a form type by default):
/// the catalog recognises PNG and JPEG by their magic bytes. Never reads more than the limit.
/// </summary>
internal static class RewardImageUpload
{
    /// <summary>The bytes, or the problem to answer (400 empty, 413 too large).</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("image") ?? form.Files.FirstOrDefault();
            if (file is null || file.Length == 0)
            {
                return (null, Missing());
            }

            if (file.Length > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            await using var stream = file.OpenReadStream();
            bytes = await ReadAtMostAsync(stream, maxBytes, cancellationToken);
        }
        else
        {
            if (request.ContentLength > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            bytes = await ReadAtMostAsync(request.Body, maxBytes, cancellationToken);
        }

        return bytes switch
        {
            null => (null, TooLarge(maxBytes)),
            { Length: 0 } => (null, Missing()),
            _ => (bytes, null),
        };
    }

    /// <summary>Maps the catalog's error, answering a too large image with 413.</summary>
    public static ProblemHttpResult ToProblem(DomainError error) =>
        error.Code == "image_too_large"
            ? ProblemMapping.Problem(StatusCodes.Status413PayloadTooLarge, error.Code, error.Message, error.Field)
            : error.ToProblem();

    /// <summary>Null when the stream holds more than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Missing() =>
        ProblemMapping.Problem(StatusCodes.Status400BadRequest, Validate.MissingField, "The image is required: a PNG or JPEG as the body.", "image");

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        ProblemMapping.Problem(StatusCodes.Status413PayloadTooLarge, "image_too_large", $"The image must be at most {maxBytes:N0} bytes.", "image");
}
