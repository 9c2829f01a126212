using WeakToStrong.Runner.Tests.Data;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// `--out` targets that, unchecked, crash `report`/`results` with a stack trace, read `/dev/zero` until memory runs
/// out, or block on a FIFO: each is one line naming the path, before anything is drawn. An existing file is replaced.
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AnExistingFileIsReplacedWholeAndNoTempFileIsLeft()
    {
        string file = _dir.Combine("results.md");
        File.WriteAllText(file, "old");

        string path = OutputTarget.File(file);
        OutputTarget.Write(path, "new"u8.ToArray());

        Assert.Equal("new", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFiles(_dir.Path));
        Assert.True(OutputTarget.Holds(path, "new"u8.ToArray()));
    }

    [Fact]
    public void AFolderWhereTheFileGoesIsRefused() =>
        Assert.Equal($"--out {_dir.Path} is a folder, not a file; refused", Refused(() => OutputTarget.File(_dir.Path)));

    [Fact]
    public void AFileWhereTheReportFolderGoesIsRefused()
    {
        File.WriteAllText(_dir.Combine("report"), "");
        Assert.Equal($"--out {_dir.Combine("report")} is a file, not a folder; refused", Refused(() => OutputTarget.Folder(_dir.Combine("report"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ABlankOutIsRefused(string given)
    {
        Assert.Equal("--out is blank; name where the output goes", Refused(() => OutputTarget.File(given)));
        Assert.Equal("--out is blank; name where the output goes", Refused(() => OutputTarget.Folder(given)));
    }

    [Theory]
    [InlineData("/dev/null", "a character device")]
    [InlineData("/dev/zero", "a character device")]
    public void ADeviceIsRefusedAsAFileAndAsAFolder(string device, string kind)
    {
        Assert.Equal($"--out {device} is {kind}, not a regular file; refused", Refused(() => OutputTarget.File(device)));
        Assert.Equal($"--out {device} is {kind}, not a folder; refused", Refused(() => OutputTarget.Folder(device)));
    }

    [Fact]
    public void AFifoIsRefusedWithoutBeingOpened()
    {
        string fifo = _dir.Combine("results.md");
        SpecialFileSourceTests.MakeFifo(fifo);
        Assert.Equal($"--out {fifo} is a FIFO (named pipe), not a regular file; refused", Refused(() => OutputTarget.File(fifo)));
    }

    [Fact]
    public void ADanglingLinkIsRefusedAndNothingIsCreatedWhereItPoints()
    {
        string link = _dir.Combine("results.md");
        File.CreateSymbolicLink(link, _dir.Combine("elsewhere.md"));

        Assert.Equal($"--out {link} is a dangling symbolic link to {_dir.Combine("elsewhere.md")}; refused", Refused(() => OutputTarget.File(link)));
        Assert.False(File.Exists(_dir.Combine("elsewhere.md")));
    }

    [Fact]
    public void AFileUnderAFileIsRefusedNamingTheParent()
    {
        File.WriteAllText(_dir.Combine("docs"), "");
        Assert.Equal($"--out {_dir.Combine("docs")} is not a folder; refused", Refused(() => OutputTarget.File(_dir.Combine("docs", "results.md"))));
    }

    [Fact]
    public void AReadOnlyFolderIsOneLineNamingTheTarget()
    {
        using var readOnly = ReadOnlyMount.TryCreate(_dir.Combine("ro"));
        if (readOnly is null) return; // the reason is printed by TryCreate
        string target = Path.Combine(readOnly.Path, "results.md");

        Assert.Equal($"cannot write {target}: read-only file system", Refused(() => OutputTarget.Write(OutputTarget.File(target), "x"u8.ToArray())));
    }

    static string Refused(Action act) => Assert.Throws<UserFileException>(act).Message;

    static string Refused(Func<string> act) => Assert.Throws<UserFileException>(() => act()).Message;
}
