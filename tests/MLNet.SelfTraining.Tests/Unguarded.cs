namespace MLNet.SelfTraining.Tests;

/// <summary>
/// The validation guard off: for tests of the rounds' own mechanics (selection, bookkeeping, stops, progress, disposal,
/// students), which must see every round the options ask for, whatever a validation set would decide.
/// </summary>
internal static class Unguarded
{
    public static ValidationOptions Validation => new() { Enabled = false };
}
