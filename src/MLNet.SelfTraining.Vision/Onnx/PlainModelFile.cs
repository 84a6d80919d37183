using Microsoft.ML;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Onnx;

/// <summary>Writes a student's chain of ML.NET transformers (around its ONNX model) as an ML.NET zip, then disposes the chain.</summary>
internal static class PlainModelFile
{
    /// <summary>Saves <paramref name="model"/> with <c>mlContext.Model.Save</c>, atomically replacing <paramref name="path"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="model">The chain and its input schema (the feature column), as the task's <c>*OnnxChain.Create</c> returns them.</param>
    /// <param name="path">The zip file; its directory must exist.</param>
    public static void Save(MLContext mlContext, (ITransformer Chain, DataViewSchema InputSchema) model, string path)
    {
        using (model.Chain as IDisposable)
        {
            AtomicFile.Write(path, stream => mlContext.Model.Save(model.Chain, model.InputSchema, stream));
        }
    }
}
