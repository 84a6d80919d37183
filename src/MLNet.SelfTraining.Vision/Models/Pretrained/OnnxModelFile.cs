using Google.Protobuf;
using MLNet.SelfTraining.Vision.Datasets;
using Onnx;

namespace MLNet.SelfTraining.Vision.Models.Pretrained;

/// <summary>Reads an untrusted ONNX file: its size bounded before anything is allocated, then parsed by OnnxSharp.</summary>
internal static class OnnxModelFile
{
    /// <summary>The model in <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maximumBytes">The largest size accepted.</param>
    /// <param name="source">The file and the option that named it, to start the messages.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is larger than <paramref name="maximumBytes"/>, or not an ONNX model.</exception>
    public static ModelProto Read(string path, long maximumBytes, string source)
    {
        var bytes = BoundedFile.ReadAllBytes(path, maximumBytes, source, "the size of the expected model's weights and graph");
        try
        {
            return ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{source} is not an ONNX model (a protobuf ModelProto): {e.Message}", e);
        }
    }
}
