namespace MLNet.SelfTraining.Vision.Data;

/// <summary>Schema exceptions with ML.NET's message wording (<c>Contracts.ExceptSchemaMismatch</c>).</summary>
internal static class SchemaErrors
{
    public static ArgumentOutOfRangeException Missing(string role, string name) =>
        new("inputSchema", $"Could not find {role} column '{name}'");

    public static ArgumentOutOfRangeException Mismatch(string role, string name, string expected, string got) =>
        new("inputSchema", $"Schema mismatch for {role} column '{name}': expected {expected}, got {got}");
}
