using System.Text.Json.Serialization;

namespace MLNet.SelfTraining.Vision.Datasets.Coco;

/// <summary>
/// The fields of a COCO <c>instances.json</c> file that are read, as System.Text.Json binds them; every field is
/// nullable so that a missing one is reported by name (<see cref="CocoAnnotationsFile"/>). Other fields (<c>info</c>,
/// <c>licenses</c>, <c>segmentation</c>, <c>area</c>, …) are skipped without being kept.
/// </summary>
internal sealed class CocoJson
{
    [JsonPropertyName("images")]
    public List<Image?>? Images { get; set; }

    [JsonPropertyName("categories")]
    public List<Category?>? Categories { get; set; }

    [JsonPropertyName("annotations")]
    public List<Annotation?>? Annotations { get; set; }

    /// <summary>One entry of <c>images</c>.</summary>
    internal sealed class Image
    {
        [JsonPropertyName("id")]
        public long? Id { get; set; }

        [JsonPropertyName("file_name")]
        public string? FileName { get; set; }

        [JsonPropertyName("width")]
        public int? Width { get; set; }

        [JsonPropertyName("height")]
        public int? Height { get; set; }
    }

    /// <summary>One entry of <c>categories</c>.</summary>
    internal sealed class Category
    {
        [JsonPropertyName("id")]
        public long? Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }
    }

    /// <summary>One entry of <c>annotations</c>.</summary>
    internal sealed class Annotation
    {
        [JsonPropertyName("id")]
        public long? Id { get; set; }

        [JsonPropertyName("image_id")]
        public long? ImageId { get; set; }

        [JsonPropertyName("category_id")]
        public long? CategoryId { get; set; }

        [JsonPropertyName("bbox")]
        public double[]? Bbox { get; set; }

        [JsonPropertyName("iscrowd")]
        public int? IsCrowd { get; set; }
    }
}
