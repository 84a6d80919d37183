using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// Materializes a view into an ML.NET binary IDV file under <see cref="MLContext.TempFilePath"/> (one streaming pass,
/// key types and annotations kept). Each write replaces the previous file; disposing deletes the last one.
/// </summary>
internal sealed class Spill : IDisposable
{
    private readonly MLContext _mlContext;
    private readonly List<string> _files = [];

    public Spill(MLContext mlContext)
    {
        _mlContext = mlContext;
    }

    public IDataView Write(IDataView view)
    {
        Dispose();
        var path = Path.Combine(_mlContext.TempFilePath, $"mlnet-selftraining-{Guid.NewGuid():N}.idv");
        _files.Add(path);
        using (var stream = File.Create(path))
        {
            _mlContext.Data.SaveAsBinary(view, stream, keepHidden: false);
        }

        var loaded = _mlContext.Data.LoadFromBinary(path);
        foreach (var column in view.Schema.Where(c => !c.IsHidden))
        {
            if (loaded.Schema.GetColumnOrNull(column.Name) is null)
            {
                throw new NotSupportedException(
                    $"Column '{column.Name}' of type {column.Type} cannot be stored in an ML.NET binary file, which pseudo-labeled rows are spilled to. Keep such data as a path (e.g. image paths with LoadImages inside the pipeline) instead.");
            }
        }

        return loaded;
    }

    /// <summary>Deletes the files written so far; views over them must no longer be read.</summary>
    public void Dispose()
    {
        foreach (var file in _files)
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A view may still hold the file open on Windows; it is a temporary file and the OS will reclaim it.
            }
        }

        _files.Clear();
    }
}
