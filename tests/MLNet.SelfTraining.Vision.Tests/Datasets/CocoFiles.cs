using System.Text.Json.Nodes;

namespace MLNet.SelfTraining.Vision.Tests.Datasets;

/// <summary>
/// A small COCO data set in a <see cref="DatasetFolder"/>: images 1 (<c>a.png</c>, 24×20), 2 (<c>sub/b.png</c>, 16×16)
/// and 3 (<c>c.jpg</c>, 24×20, no boxes); categories 7 "cat" and 3 "dog" (so keys: dog 1, cat 2); a crowd box on image 1,
/// and a box of image 2 reaching half a pixel left of it (clipped).
/// </summary>
internal static class CocoFiles
{
    public const string Json = """
        {
          "info": { "description": "test" },
          "images": [
            { "id": 1, "file_name": "a.png", "width": 24, "height": 20 },
            { "id": 2, "file_name": "sub/b.png", "width": 16, "height": 16 },
            { "id": 3, "file_name": "c.jpg", "width": 24, "height": 20 }
          ],
          "categories": [ { "id": 7, "name": "cat" }, { "id": 3, "name": "dog" } ],
          "annotations": [
            { "id": 10, "image_id": 1, "category_id": 7, "bbox": [2, 3, 10, 5], "iscrowd": 0, "segmentation": [[2, 3, 12, 3, 12, 8]] },
            { "id": 11, "image_id": 1, "category_id": 3, "bbox": [0, 0, 24, 20] },
            { "id": 12, "image_id": 2, "category_id": 3, "bbox": [-0.5, 2.5, 4.5, 4] },
            { "id": 13, "image_id": 1, "category_id": 3, "bbox": [1, 1, 2, 2], "iscrowd": 1, "segmentation": { "counts": [1, 2], "size": [20, 24] } }
          ]
        }
        """;

    /// <summary>Writes the images and <c>instances.json</c>; returns the annotations path.</summary>
    public static string Write(DatasetFolder folder, string? json = null)
    {
        folder.Image("images/a.png", 24, 20, seed: 1);
        folder.Image("images/sub/b.png", 16, 16, seed: 2);
        folder.Image("images/c.jpg", 24, 20, seed: 3);
        var path = folder.File("instances.json");
        File.WriteAllText(path, json ?? Json);
        return path;
    }

    /// <summary><see cref="Json"/> changed by <paramref name="change"/>.</summary>
    public static string With(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }
}
