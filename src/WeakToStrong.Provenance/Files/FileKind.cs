namespace WeakToStrong.Provenance.Files;

/// <summary>What a path names, as stat(2) tells it: only <see cref="Regular"/> files are read as input.</summary>
public enum FileKind { Missing, Regular, Folder, Fifo, CharacterDevice, BlockDevice, Socket, Other }

public static class FileKinds
{
    public static FileKind FromMode(uint mode) => (mode & 0xF000) switch // S_IFMT
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Folder,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    /// <summary>"a FIFO", "a character device" …, for "X is a FIFO, not a regular file".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Folder => "a folder",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "a special file",
    };
}
