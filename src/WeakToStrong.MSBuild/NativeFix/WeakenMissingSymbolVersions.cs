// This one file is the whole native-library fix (docs/architecture.md §8). It is compiled into the
// WeakToStrong.MSBuild assembly for consumers of the package, and also compiled on the fly by
// RoslynCodeTaskFactory (<Code Type="Class" Source="…"/>) for this repository's own build, so it must
// stay self-contained: no project types, only the BCL and Microsoft.Build.{Framework,Utilities}.
//
// Why: TorchSharp-cpu 0.107.0 ships libLibTorchSharp.so built with GCC 15. It declares a need for
// GLIBCXX_3.4.32 only for `_ZSt21ios_base_library_initv`, GCC 13+'s marker for <iostream> start-up, which
// no relocation references. Debian 12's libstdc++ stops at 3.4.30, so the loader refuses the file and
// TorchSharp reports a misleading "doesn't contain a reference to libtorch-cpu-linux-x64". Marking that
// version-needed entry VER_FLG_WEAK makes its absence non-fatal; where the version exists it changes nothing.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace WeakToStrong.MSBuild.NativeFix
{
    /// <summary>MSBuild task: weakens unreferenced, unavailable libstdc++ symbol versions in native libraries.</summary>
    public sealed class WeakenMissingSymbolVersions : Microsoft.Build.Utilities.Task
    {
        /// <summary>
        /// The ELF files to patch (output copies only; never the NuGet cache). With <see cref="SourceFiles"/>, the
        /// destinations to write patched copies of those sources to.
        /// </summary>
        [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>
        /// Optional, one per <see cref="Files"/> item: copy this file patched, instead of patching the destination in
        /// place. The build's own copy step would first put the unpatched file in place, and a process that loads
        /// TorchSharp in that moment fails; here the destination only ever changes by one rename, from patched to
        /// patched, and not at all when it already holds exactly the patched bytes.
        /// </summary>
        public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The system C++ runtime whose version definitions say what exists. Empty: detect.</summary>
        public string SystemLibrary { get; set; } = "";

        public override bool Execute()
        {
            if (Files.Length == 0) return true;
            if (SourceFiles.Length != 0 && SourceFiles.Length != Files.Length)
            {
                Log.LogError(null, "W2S0902", null, null, 0, 0, 0, 0, $"{SourceFiles.Length} source files for {Files.Length} destinations");
                return false;
            }
            string? system = string.IsNullOrEmpty(SystemLibrary) ? ElfVersionPatcher.FindSystemLibStdCxx() : SystemLibrary;
            HashSet<string>? available = system is not null && File.Exists(system) ? ElfVersionPatcher.DefinedVersions(File.ReadAllBytes(system)) : null;
            if (available is null) Log.LogMessage(MessageImportance.Low, "No system libstdc++.so.6 found: nothing to weaken.");
            for (int i = 0; i < Files.Length; i++)
            {
                string path = Files[i].ItemSpec;
                try
                {
                    if (SourceFiles.Length != 0) CopyPatched(SourceFiles[i].ItemSpec, path, available, system);
                    else if (available is not null) Report(ElfVersionPatcher.PatchFile(path, available), path, system);
                }
                catch (ElfPatchException e)
                {
                    Log.LogError(null, "W2S0901", null, path, 0, 0, 0, 0, e.Message);
                }
            }
            return !Log.HasLoggedErrors;
        }

        void CopyPatched(string source, string destination, ISet<string>? available, string? system)
        {
            byte[] bytes = File.ReadAllBytes(source);
            var result = available is null ? new ElfPatchResult() : ElfVersionPatcher.Patch(bytes, available);
            if (File.Exists(destination) && File.ReadAllBytes(destination).SequenceEqual(bytes))
            {
                Log.LogMessage(MessageImportance.Low, $"w2s: {destination} is already the patched copy of {source}");
                return;
            }
            ElfVersionPatcher.WriteReplacing(destination, bytes);
            Report(result, destination, system);
        }

        void Report(ElfPatchResult result, string path, string? system)
        {
            if (result.Weakened.Count > 0)
                Log.LogMessage(MessageImportance.High, $"w2s: weakened {string.Join(", ", result.Weakened)} in {path} (unreferenced, absent from {system})");
            else
                Log.LogMessage(MessageImportance.Low, $"w2s: {path} needs no symbol-version change");
        }
    }

    /// <summary>A library that cannot be made loadable safely, or is not a 64-bit little-endian ELF.</summary>
    public sealed class ElfPatchException : Exception
    {
        public ElfPatchException(string message) : base(message) { }
    }

    /// <summary>What a patch did: versions newly weakened and versions already weak.</summary>
    public sealed class ElfPatchResult
    {
        public List<string> Weakened { get; } = new List<string>();
        public List<string> AlreadyWeak { get; } = new List<string>();
    }

    /// <summary>Pure ELF64 logic: read version definitions and needs, weaken a need in place.</summary>
    public static class ElfVersionPatcher
    {
        const uint ShtRela = 4, ShtRel = 9, ShtGnuVerdef = 0x6ffffffd, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
        const ushort VerFlgWeak = 0x2;

        /// <summary>The runtime libstdc++ the loader would pick on common Linux layouts, or null.</summary>
        public static string? FindSystemLibStdCxx()
        {
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
                "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/lib64/libstdc++.so.6",
            };
            return candidates.FirstOrDefault(File.Exists);
        }

        /// <summary>Every version name a shared library defines (its .gnu.version_d).</summary>
        public static HashSet<string> DefinedVersions(byte[] elf)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in Sections(elf).Where(s => s.Type == ShtGnuVerdef))
            {
                var strtab = Sections(elf)[(int)s.Link];
                long at = s.Offset;
                for (uint i = 0; i < s.Info; i++)
                {
                    ushort count = U16(elf, at + 6);
                    uint aux = U32(elf, at + 12), next = U32(elf, at + 16);
                    long auxAt = at + aux;
                    for (int a = 0; a < count; a++)
                    {
                        names.Add(Str(elf, strtab.Offset + U32(elf, auxAt)));
                        auxAt += U32(elf, auxAt + 4);
                    }
                    if (next == 0) break;
                    at += next;
                }
            }
            return names;
        }

        /// <summary>Each needed version: (library, version name, offset of vna_flags, flags, version index).</summary>
        public static List<(string File, string Name, long FlagsOffset, ushort Flags, ushort Index)> NeededVersions(byte[] elf)
        {
            var list = new List<(string, string, long, ushort, ushort)>();
            var sections = Sections(elf);
            foreach (var s in sections.Where(s => s.Type == ShtGnuVerneed))
            {
                var strtab = sections[(int)s.Link];
                long at = s.Offset;
                for (uint i = 0; i < s.Info; i++)
                {
                    ushort count = U16(elf, at + 2);
                    string file = Str(elf, strtab.Offset + U32(elf, at + 4));
                    uint aux = U32(elf, at + 8), next = U32(elf, at + 12);
                    long auxAt = at + aux;
                    for (int a = 0; a < count; a++)
                    {
                        list.Add((file, Str(elf, strtab.Offset + U32(elf, auxAt + 8)), auxAt + 4, U16(elf, auxAt + 4), U16(elf, auxAt + 6)));
                        uint auxNext = U32(elf, auxAt + 12);
                        if (auxNext == 0) break;
                        auxAt += auxNext;
                    }
                    if (next == 0) break;
                    at += next;
                }
            }
            return list;
        }

        /// <summary>Version indices used by any relocation's symbol (through .gnu.version).</summary>
        public static HashSet<ushort> VersionsReferencedByRelocations(byte[] elf)
        {
            var sections = Sections(elf);
            var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
            var used = new HashSet<ushort>();
            if (versym is null) return used;
            foreach (var r in sections.Where(s => s.Type == ShtRela || s.Type == ShtRel))
            {
                long entry = r.Type == ShtRela ? 24 : 16;
                if (r.EntSize != 0) entry = (long)r.EntSize;
                for (long at = r.Offset; at + entry <= r.Offset + (long)r.Size; at += entry)
                {
                    ulong sym = U64(elf, at + 8) >> 32;
                    if (sym == 0) continue;
                    long vAt = versym.Offset + (long)sym * 2;
                    if (vAt + 2 > versym.Offset + (long)versym.Size) continue;
                    used.Add((ushort)(U16(elf, vAt) & 0x7fff));
                }
            }
            return used;
        }

        /// <summary>
        /// Weakens, in <paramref name="elf"/>, every needed GLIBCXX_/CXXABI_ version that <paramref name="available"/>
        /// lacks. Throws when such a version is referenced by a relocation: weakening it would only move the
        /// failure to run time.
        /// </summary>
        public static ElfPatchResult Patch(byte[] elf, ISet<string> available)
        {
            var result = new ElfPatchResult();
            var referenced = VersionsReferencedByRelocations(elf);
            foreach (var need in NeededVersions(elf))
            {
                bool cxx = need.File.StartsWith("libstdc++", StringComparison.Ordinal);
                if (!cxx || available.Contains(need.Name)) continue;
                if ((need.Flags & VerFlgWeak) != 0) { result.AlreadyWeak.Add(need.Name); continue; }
                if (referenced.Contains(need.Index))
                    throw new ElfPatchException($"{need.Name} (from {need.File}) is missing on this system and symbols of that version are used by relocations; weakening it is unsafe. Install a newer libstdc++ or an older TorchSharp.");
                ushort flags = (ushort)(need.Flags | VerFlgWeak);
                elf[need.FlagsOffset] = (byte)flags;
                elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
                result.Weakened.Add(need.Name);
            }
            return result;
        }

        /// <summary>Patches a file atomically (temp file + rename, never writing through a shared inode); idempotent.</summary>
        public static ElfPatchResult PatchFile(string path, ISet<string> available)
        {
            byte[] bytes = File.ReadAllBytes(path);
            var result = Patch(bytes, available);
            if (result.Weakened.Count == 0) return result;
            WriteReplacing(path, bytes);
            return result;
        }

        /// <summary>
        /// Writes a temp file beside <paramref name="path"/> and renames it over: readers see the old file or the new
        /// one, never a partial or an in-between one; and a hard link into a shared cache is replaced, not written through.
        /// </summary>
        public static void WriteReplacing(string path, byte[] bytes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            string temp = path + ".w2s-" + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                File.WriteAllBytes(temp, bytes);
                // Both are rename(2) on Unix (netstandard2.0, for the inline task, has no File.Move with overwrite).
                if (File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        sealed class Section
        {
            public uint Type; public long Offset; public ulong Size; public uint Link; public uint Info; public ulong EntSize;
        }

        static List<Section> Sections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new ElfPatchException("not an ELF file");
            if (elf[4] != 2 || elf[5] != 1) throw new ElfPatchException("only 64-bit little-endian ELF is supported");
            long shoff = (long)U64(elf, 0x28);
            int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
            if (shoff <= 0 || shentsize < 64 || shoff + (long)shentsize * shnum > elf.Length)
                throw new ElfPatchException("section header table is out of bounds");
            var list = new List<Section>(shnum);
            for (int i = 0; i < shnum; i++)
            {
                long h = shoff + (long)i * shentsize;
                list.Add(new Section
                {
                    Type = U32(elf, h + 4), Offset = (long)U64(elf, h + 0x18), Size = U64(elf, h + 0x20),
                    Link = U32(elf, h + 0x28), Info = U32(elf, h + 0x2C), EntSize = U64(elf, h + 0x38),
                });
            }
            return list;
        }

        static ushort U16(byte[] b, long at) => Check(b, at, 2) ? (ushort)(b[at] | b[at + 1] << 8) : (ushort)0;
        static uint U32(byte[] b, long at) => Check(b, at, 4) ? BitConverter.ToUInt32(b, (int)at) : 0;
        static ulong U64(byte[] b, long at) => Check(b, at, 8) ? BitConverter.ToUInt64(b, (int)at) : 0;

        static bool Check(byte[] b, long at, int n)
        {
            if (at < 0 || at + n > b.Length) throw new ElfPatchException($"truncated ELF: read of {n} bytes at {at} past end {b.Length}");
            return true;
        }

        static string Str(byte[] b, long at)
        {
            Check(b, at, 1);
            long end = at;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)at, (int)(end - at));
        }
    }
}
