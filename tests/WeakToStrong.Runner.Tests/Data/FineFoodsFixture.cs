using WeakToStrong.Data.Tasks;
using WeakToStrong.Runner.Tests.Data.RData;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>
/// modeldata's small_fine_foods in miniature, in the layout of the unpacked r-cran-modeldata .deb: training_data and
/// testing_data tibbles (product, review, score factor great/other) in an xz-family lazy-load database. Ten reviews:
/// 6 great (one a repeat of another product's review, with its HTML) and 4 other (one NA review).
/// </summary>
internal static class FineFoodsFixture
{
    public static readonly (string Product, string? Review, string Score)[] Training =
    [
        ("P1", "Great coffee!<br />Would buy again.", "great"),
        ("P2", "Stale and bland &amp; overpriced.", "other"),
        ("P3", "Best &quot;gummy&quot; bears ever.", "great"),
        ("P4", "It was fine, nothing special.", "other"),
        ("P5", "Great coffee!<br /><br />Would buy   again.", "great"),
        ("P6", "My dog loves these <a href=\"http://example.org/x\">treats</a>.", "great"),
    ];

    public static readonly (string Product, string? Review, string Score)[] Testing =
    [
        ("P7", "Arrived broken.", "other"),
        ("P8", "Perfect snack for work.", "great"),
        ("P9", null, "other"),
        ("P10", "Delicious.", "great"),
    ];

    /// <summary>Writes the database under <paramref name="root"/> as the .deb unpacks it; returns <paramref name="root"/>.</summary>
    public static string Write(string root,
        (string Product, string? Review, string Score)[]? training = null, (string Product, string? Review, string Score)[]? testing = null)
    {
        LazyLoadFiles.Write(Path.Combine(root, FineFoodsTask.DatabasePath), compressed: 3,
            ("testing_data", LazyLoadFiles.StoredLzma2Chunk(Tibble(testing ?? Testing))),
            ("training_data", LazyLoadFiles.StoredLzma2Chunk(Tibble(training ?? Training))));
        return root;
    }

    /// <summary>The same files as a .tar.gz, standing in for the .deb's data archive.</summary>
    public static byte[] Archive()
    {
        using var dir = new TempDir();
        Write(dir.Path);
        return TestArchives.TarGz([.. Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(dir.Path, f).Replace('\\', '/'), File.ReadAllBytes(f)))]);
    }

    static byte[] Tibble((string Product, string? Review, string Score)[] rows) => new RSerializationWriter().Tibble(rows.Length,
        ("product", w => w.Strings([.. rows.Select(r => r.Product)])),
        ("review", w => w.Strings([.. rows.Select(r => r.Review)])),
        ("score", w => w.Factor([.. rows.Select(r => r.Score == "great" ? 1 : 2)], ["great", "other"]))).ToArray();
}
