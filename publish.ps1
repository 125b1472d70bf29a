#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds self-contained gatewayd bundles for the box (PowerShell twin of scripts/publish.sh).

.DESCRIPTION
    For each runtime id RID (default: linux-arm64 and linux-x64):
      artifacts/publish/RID/         dotnet publish output
      artifacts/gatewayd-RID.tar.gz  gatewayd-RID/{install.sh, RID, app/, systemd/, hardware/udev/, hardware/README.md}
    Needs tar on the PATH (Windows 10 and later ship tar.exe). Run install.sh from the bundle on the box.

.EXAMPLE
    ./publish.ps1
    ./publish.ps1 linux-arm64
#>
[CmdletBinding()]
param(
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]] $Rids = @('linux-arm64', 'linux-x64')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# $IsWindows does not exist in Windows PowerShell 5.1 (and StrictMode rejects it there).
$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
$repoRoot = $PSScriptRoot
$artifacts = Join-Path $repoRoot 'artifacts'
New-Item -ItemType Directory -Force -Path $artifacts | Out-Null

Push-Location $repoRoot
try {
    foreach ($rid in $Rids) {
        $publishDir = Join-Path $artifacts "publish/$rid"
        Write-Host "==> dotnet publish for $rid -> $publishDir"
        if (Test-Path $publishDir) { Remove-Item -Recurse -Force $publishDir }
        & dotnet publish src/Gateway.Daemon -c Release -r $rid --self-contained true `
            '-p:PublishSingleFile=false' -o $publishDir
        if ($LASTEXITCODE -ne 0) { throw "dotnet publish failed for $rid (exit code $LASTEXITCODE)" }

        if (-not (Test-Path (Join-Path $publishDir 'gatewayd') -PathType Leaf)) {
            throw "$publishDir/gatewayd is missing"
        }

        $stageRoot = Join-Path $artifacts "stage/$rid"
        $bundle = Join-Path $stageRoot "gatewayd-$rid"
        if (Test-Path $stageRoot) { Remove-Item -Recurse -Force $stageRoot }
        New-Item -ItemType Directory -Force -Path (Join-Path $bundle 'hardware') | Out-Null
        Copy-Item -Recurse $publishDir (Join-Path $bundle 'app')
        Copy-Item -Recurse (Join-Path $repoRoot 'systemd') (Join-Path $bundle 'systemd')
        Copy-Item -Recurse (Join-Path $repoRoot 'hardware/udev') (Join-Path $bundle 'hardware/udev')
        Copy-Item (Join-Path $repoRoot 'hardware/README.md') (Join-Path $bundle 'hardware/README.md')
        Copy-Item (Join-Path $repoRoot 'scripts/install.sh') (Join-Path $bundle 'install.sh')
        # Plain LF text, no BOM: install.sh reads it with $(<RID).
        [System.IO.File]::WriteAllText((Join-Path $bundle 'RID'), "$rid`n")

        # On Unix hosts make the entry points executable. A tarball made on
        # Windows carries no Unix mode bits: run it on the box as
        # `sudo bash install.sh` (install.sh sets the daemon's mode itself).
        if (-not $onWindows) {
            & chmod 0755 (Join-Path $bundle 'install.sh') (Join-Path $bundle 'app/gatewayd')
            if ($LASTEXITCODE -ne 0) { throw "chmod failed" }
        }

        $tarball = Join-Path $artifacts "gatewayd-$rid.tar.gz"
        Write-Host "==> packing $tarball"
        & tar -C $stageRoot -czf $tarball "gatewayd-$rid"
        if ($LASTEXITCODE -ne 0) { throw "tar failed for $rid (exit code $LASTEXITCODE)" }
        Remove-Item -Recurse -Force $stageRoot
    }
}
finally {
    Pop-Location
}

$stage = Join-Path $artifacts 'stage'
if ((Test-Path $stage) -and -not (Get-ChildItem $stage)) { Remove-Item $stage }
Write-Host '==> done:'
foreach ($rid in $Rids) { Get-Item (Join-Path $artifacts "gatewayd-$rid.tar.gz") | Format-Table -AutoSize Name, Length }
