namespace MLNet.SelfTraining.Vision.Persistence;

/// <summary>
/// Checks the values an archive's manifest declares besides sizes (<see cref="ArchiveSizes"/>): present, names of bounded
/// length, rates, enum members, finite factors. Every failure is an <see cref="InvalidDataException"/> naming the file, the
/// field, what was expected and what was got.
/// </summary>
internal static class ArchiveFields
{
    /// <summary>The longest name (column, class, entry) a manifest may hold.</summary>
    public const int MaximumNameLength = 1024;

    /// <exception cref="InvalidDataException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static T Require<T>(string path, string field, T? value)
        where T : class =>
        value ?? throw new InvalidDataException($"'{path}' declares no {field}: {field} is missing.");

    /// <exception cref="InvalidDataException"><paramref name="value"/> is missing, or not 1 to <see cref="MaximumNameLength"/> characters.</exception>
    public static void RequireName(string path, string field, string? value) => RequireText(path, field, value, 1);

    /// <exception cref="InvalidDataException"><paramref name="value"/> is missing, or longer than <see cref="MaximumNameLength"/> characters.</exception>
    public static void RequireText(string path, string field, string? value, int minimumLength)
    {
        if (value is null)
        {
            throw new InvalidDataException($"'{path}': {field} is missing; expected {minimumLength} to {MaximumNameLength} characters.");
        }

        if (value.Length < minimumLength || value.Length > MaximumNameLength)
        {
            throw new InvalidDataException(
                $"'{path}': {field} has {value.Length} characters; expected {minimumLength} to {MaximumNameLength}.");
        }
    }

    /// <exception cref="InvalidDataException"><paramref name="value"/> is not in [0, 1).</exception>
    public static void RequireRate(string path, string field, double value)
    {
        if (value is not (>= 0 and < 1))
        {
            throw new InvalidDataException($"'{path}' declares {field} = {value}; expected a rate in [0, 1).");
        }
    }

    /// <exception cref="InvalidDataException"><paramref name="value"/> is not finite and positive.</exception>
    public static void RequirePositive(string path, string field, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new InvalidDataException($"'{path}' declares {field} = {value}; expected a finite positive number.");
        }
    }

    /// <exception cref="InvalidDataException"><paramref name="value"/> is not a named member of <typeparamref name="TEnum"/>.</exception>
    public static void RequireDefined<TEnum>(string path, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new InvalidDataException(
                $"'{path}' declares {field} = {value}; expected one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    /// <exception cref="InvalidDataException"><paramref name="names"/> is not <see langword="null"/> and does not hold
    /// <paramref name="classCount"/> distinct names of at most <see cref="MaximumNameLength"/> characters.</exception>
    public static void RequireClassNames(string path, string[]? names, int classCount)
    {
        if (names is null)
        {
            return;
        }

        if (names.Length != classCount)
        {
            throw new InvalidDataException($"'{path}': classNames has {names.Length} names; expected {classCount} (network.classCount).");
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            RequireText(path, $"classNames[{i}]", names[i], 0);
            if (!first.TryAdd(names[i], i))
            {
                throw new InvalidDataException($"'{path}': classNames[{i}] = '{names[i]}' repeats classNames[{first[names[i]]}]; expected distinct names.");
            }
        }
    }
}
