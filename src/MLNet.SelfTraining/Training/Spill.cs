using Microsoft.ML;

namespace MLNet.SelfTraining.Training;

/// <summary>
/// Materializes a view into an ML.NET binary IDV file in the run's private <see cref="SpillFolder"/> under
/// <see cref="MLContext.TempFilePath"/> (one streaming pass, key types and annotations kept). Each write replaces the
/// previous file; disposing deletes the folder.
/// </summary>
internal sealed class Spill : IDisposable
{
    private readonly MLContext _mlContext;
    private readonly SpillFolder _folder;
    private string? _file;

    public Spill(MLContext mlContext)
    {
        _mlContext = mlContext;
        _folder = new SpillFolder(mlContext.TempFilePath);
    }

    public IDataView Write(IDataView view)
    {
        DeleteLastFile();
        using (var stream = _folder.CreateFile(out var file))
        {
            _file = file;
            _mlContext.Data.SaveAsBinary(view, stream, keepHidden: false);
        }

        var loaded = _mlContext.Data.LoadFromBinary(_file);
        CheckStored(view, loaded, "pseudo-labeled rows are spilled to");
        return loaded;
    }

    /// <summary>Throws when a column of <paramref name="written"/> is not in <paramref name="loaded"/>, the same rows read back from an ML.NET binary file.</summary>
    /// <param name="written">The view that was saved.</param>
    /// <param name="loaded">The saved file, loaded.</param>
    /// <param name="purpose">What the file is for, completing "an ML.NET binary file, which …".</param>
    public static void CheckStored(IDataView written, IDataView loaded, string purpose)
    {
        foreach (var column in written.Schema.Where(c => !c.IsHidden))
        {
            if (loaded.Schema.GetColumnOrNull(column.Name) is null)
            {
                throw new NotSupportedException(
                    $"Column '{column.Name}' of type {column.Type} cannot be stored in an ML.NET binary file, which {purpose}. Keep such data as a path (e.g. image paths with LoadImages inside the pipeline) instead.");
            }
        }
    }

    /// <summary>Deletes the run's folder and the files written so far; views over them must no longer be read.</summary>
    public void Dispose() => _folder.Dispose();

    private void DeleteLastFile()
    {
        if (_file is null)
        {
            return;
        }

        try
        {
            File.Delete(_file);
        }
        catch (IOException)
        {
            // A view may still hold the file open on Windows; the folder goes at the end of the run or at the next run.
        }

        _file = null;
    }
}
