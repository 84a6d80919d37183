using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLNet.SelfTraining.Sharding;

/// <summary>The JSON form of <see cref="ShardJob"/> (<c>job.json</c>): fields in a fixed order, unknown fields refused.</summary>
internal sealed class ShardJobFile
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 8,
    };

    public int FormatVersion { get; set; }

    public string? JobId { get; set; }

    public string? Task { get; set; }

    public double? Threshold { get; set; }

    public TeacherFile? Teacher { get; set; }

    public List<InputFile>? Inputs { get; set; }

    public List<string>? Columns { get; set; }

    public int ShardCount { get; set; }

    public string? SkipRows { get; set; }

    internal sealed class TeacherFile
    {
        public string? Path { get; set; }

        public string? Sha256 { get; set; }

        public long Bytes { get; set; }
    }

    internal sealed class InputFile
    {
        public string? Path { get; set; }

        public long Rows { get; set; }

        public long Bytes { get; set; }
    }
}
