namespace MLNet.SelfTraining.Vision.Datasets;

/// <summary>Reads a whole file that is checked, before anything is allocated, to be no larger than a bound.</summary>
internal static class BoundedFile
{
    /// <summary>The bytes of <paramref name="path"/>, or an error naming it (<paramref name="kind"/>, e.g. "Mask file") and the bound.</summary>
    /// <param name="path">The full path.</param>
    /// <param name="maximumBytes">The largest size accepted.</param>
    /// <param name="kind">What the file is, to start the messages.</param>
    /// <param name="bound">The option that sets <paramref name="maximumBytes"/>, named in the message.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is larger than <paramref name="maximumBytes"/>, or changed size while it was read.</exception>
    public static byte[] ReadAllBytes(string path, long maximumBytes, string kind, string bound)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            throw new FileNotFoundException($"{kind} '{path}' was expected but does not exist.", path, e);
        }

        using (stream)
        {
            if (stream.Length > maximumBytes)
            {
                throw new InvalidDataException($"{kind} '{path}' is {stream.Length} bytes; expected at most {maximumBytes} ({bound}).");
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            if (stream.ReadByte() >= 0)
            {
                throw new InvalidDataException($"{kind} '{path}' grew while it was read; expected at most {bytes.Length} bytes.");
            }

            return bytes;
        }
    }
}
