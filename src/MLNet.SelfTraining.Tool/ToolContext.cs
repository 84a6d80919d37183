using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Onnx;

namespace MLNet.SelfTraining.Tool;

/// <summary>What every command shares: the context a teacher loads in, and how an error ends the process.</summary>
internal static class ToolContext
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The job, a shard or a file failed a check, or the work failed (the message is on standard error).</summary>
    public const int Failure = 1;

    /// <summary>The command was cancelled (Ctrl+C, SIGTERM).</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// Registers Microsoft.ML.OnnxTransformer and Microsoft.ML.ImageAnalytics, so plain ML.NET models with ONNX
    /// (<c>SaveAsMLNetModel</c> of the vision students) or image transforms load.
    /// </summary>
    public static void Configure(MLContext mlContext)
    {
        mlContext.ComponentCatalog.RegisterAssembly(typeof(OnnxTransformer).Assembly);
        mlContext.ComponentCatalog.RegisterAssembly(typeof(ImageLoadingTransformer).Assembly);
    }

    /// <summary>Runs a command's work, turning an expected failure into a message on standard error and an exit code.</summary>
    public static int Run(Func<int> work)
    {
        try
        {
            return work();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("error: cancelled.");
            return Cancelled;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failure;
        }
    }
}
