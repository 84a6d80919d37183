using System.Text.Json;
using Microsoft.ML;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Datasets.Coco;

/// <summary>
/// Writes a detection view as COCO JSON, atomically: the annotations format (<c>images</c>, <c>categories</c>,
/// <c>annotations</c> numbered from 1, <c>iscrowd</c> 0, <c>area</c> = width × height of the box) or, with scores, the
/// results format <c>[{image_id, category_id, bbox, score}]</c>.
/// </summary>
internal static class CocoJsonWriter
{
    public static void Save(IDataView data, string path, CocoWriteOptions options)
    {
        var rows = new DetectionRows(data, options);
        var categories = rows.Categories();
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream);
            if (options.ScoreColumnName is null)
            {
                WriteAnnotations(json, rows, categories);
            }
            else
            {
                WriteResults(json, rows, categories);
            }
        });
    }

    private static void WriteResults(Utf8JsonWriter json, DetectionRows rows, IReadOnlyList<(long Id, string Name)> categories)
    {
        json.WriteStartArray();
        foreach (var row in rows.Read())
        {
            for (var b = 0; b < row.Keys.Length; b++)
            {
                json.WriteStartObject();
                json.WriteNumber("image_id", row.ImageId);
                json.WriteNumber("category_id", categories[(int)row.Keys[b] - 1].Id);
                WriteBox(json, row.Boxes[b]);
                json.WriteNumber("score", row.Scores![b]);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteAnnotations(Utf8JsonWriter json, DetectionRows rows, IReadOnlyList<(long Id, string Name)> categories)
    {
        json.WriteStartObject();
        json.WriteStartArray("images");
        var imageIds = new HashSet<long>();
        foreach (var row in rows.Read())
        {
            if (!imageIds.Add(row.ImageId))
            {
                throw new InvalidDataException($"Image id {row.ImageId} is in more than one row; expected one row per image in the annotations format.");
            }

            json.WriteStartObject();
            json.WriteNumber("id", row.ImageId);
            json.WriteString("file_name", row.FileName);
            json.WriteNumber("width", row.Width);
            json.WriteNumber("height", row.Height);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("categories");
        foreach (var (id, name) in categories)
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("name", name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("annotations");
        long annotationId = 0;
        foreach (var row in rows.Read())
        {
            for (var b = 0; b < row.Keys.Length; b++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", ++annotationId);
                json.WriteNumber("image_id", row.ImageId);
                json.WriteNumber("category_id", categories[(int)row.Keys[b] - 1].Id);
                WriteBox(json, row.Boxes[b]);
                json.WriteNumber("area", row.Boxes[b][2] * row.Boxes[b][3]);
                json.WriteNumber("iscrowd", 0);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBox(Utf8JsonWriter json, double[] box)
    {
        json.WriteStartArray("bbox");
        foreach (var value in box)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
