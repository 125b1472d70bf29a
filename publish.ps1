#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds the NativeAOT gatewayd bundles for the box (PowerShell twin of scripts/publish.sh).

.DESCRIPTION
    For each runtime id RID (default: linux-arm64 and linux-x64):
      artifacts/publish/RID/         the publish output: gatewayd (native), libe_sqlite3.so, appsettings.json
      artifacts/symbols/RID/         gatewayd.dbg (debug symbols, not shipped)
      artifacts/gatewayd-RID.tar.gz  gatewayd-RID/{install.sh, RID, app/, systemd/, hardware/udev/, hardware/README.md}
    NativeAOT links with the target's native toolchain and cannot cross-compile between operating systems, so this
    runs on Linux (pwsh on Debian/Ubuntu, or inside WSL on Windows). linux-arm64 on an x64 host cross-compiles with
    clang + lld and Debian's aarch64 cross packages, installed with apt-get when missing. Each binary is then started
    once by scripts/smoke-test.sh (the arm64 one under qemu-aarch64) unless -SkipSmokeTest is given.

.EXAMPLE
    ./publish.ps1
    ./publish.ps1 linux-arm64
    ./publish.ps1 -SkipSmokeTest
#>
[CmdletBinding()]
param(
    [switch] $SkipSmokeTest,
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]] $Rids = @('linux-arm64', 'linux-x64')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# $IsLinux does not exist in Windows PowerShell 5.1 (and StrictMode rejects it there).
if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Unix -or -not (Test-Path '/etc/os-release')) {
    throw 'NativeAOT cannot build Linux binaries on another operating system: run publish.ps1 on Linux (or in WSL).'
}
$repoRoot = $PSScriptRoot
$artifacts = Join-Path $repoRoot 'artifacts'
$hostArch = (& uname -m).Trim()
$sudo = if ((& id -u).Trim() -ne '0') { @('sudo') } else { @() }
New-Item -ItemType Directory -Force -Path $artifacts | Out-Null

function Invoke-Native([string] $Command, [string[]] $Arguments) {
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed (exit code $LASTEXITCODE)" }
}

function Invoke-Root([string[]] $CommandLine) {
    $all = $sudo + $CommandLine
    Invoke-Native $all[0] ($all | Select-Object -Skip 1)
}

function Install-AptPackages([string[]] $Packages) {
    $missing = @($Packages | Where-Object { (& dpkg-query -W -f='${Status}' $_ 2>$null) -notmatch 'ok installed' })
    if ($missing.Count -eq 0) { return }
    Write-Host "==> apt-get install $($missing -join ' ')"
    Invoke-Root @('apt-get', 'update', '-qq')
    $env:DEBIAN_FRONTEND = 'noninteractive'
    Invoke-Root (@('apt-get', 'install', '-y', '-qq', '--no-install-recommends') + $missing)
}

# The extra MSBuild properties a runtime id needs on this host.
function Get-PublishProperties([string] $Rid) {
    switch ("$Rid/$hostArch") {
        'linux-arm64/x86_64' {
            Install-AptPackages @('clang', 'lld', 'gcc-aarch64-linux-gnu', 'binutils-aarch64-linux-gnu', 'libc6-dev-arm64-cross')
            return @('-p:LinkerFlavor=lld', '-p:ObjCopyName=aarch64-linux-gnu-objcopy')
        }
        { $_ -in 'linux-x64/x86_64', 'linux-arm64/aarch64' } {
            if (-not (Get-Command clang -ErrorAction SilentlyContinue) -and -not (Get-Command gcc -ErrorAction SilentlyContinue)) {
                Install-AptPackages @('clang')
            }
            Install-AptPackages @('zlib1g-dev')
            return @()
        }
        default { throw "publishing $Rid on a $hostArch host is not set up in this script" }
    }
}

function Test-Smoke([string] $Rid, [string] $PublishDir) {
    if ($SkipSmokeTest) { return }
    $smoke = Join-Path $repoRoot 'scripts/smoke-test.sh'
    $binary = Join-Path $PublishDir 'gatewayd'
    switch ("$Rid/$hostArch") {
        { $_ -in 'linux-x64/x86_64', 'linux-arm64/aarch64' } { Invoke-Native 'bash' @($smoke, $binary) }
        'linux-arm64/x86_64' {
            if (-not (& dpkg --print-foreign-architectures | Select-String -Pattern '^arm64$' -Quiet)) {
                Invoke-Root @('dpkg', '--add-architecture', 'arm64')
                Invoke-Root @('apt-get', 'update', '-qq')
            }
            Install-AptPackages @('qemu-user', 'libc6:arm64', 'libssl3:arm64', 'libstdc++6:arm64', 'libgcc-s1:arm64', 'zlib1g:arm64', 'curl', 'python3')
            Invoke-Native 'bash' @($smoke, $binary, 'qemu-aarch64')
        }
    }
}

Push-Location $repoRoot
try {
    foreach ($rid in $Rids) {
        $publishDir = Join-Path $artifacts "publish/$rid"
        $symbolsDir = Join-Path $artifacts "symbols/$rid"
        $properties = @(Get-PublishProperties $rid)
        Write-Host "==> dotnet publish (NativeAOT) for $rid -> $publishDir"
        foreach ($dir in $publishDir, $symbolsDir) { if (Test-Path $dir) { Remove-Item -Recurse -Force $dir } }
        Invoke-Native 'dotnet' (@('publish', 'src/Gateway.Daemon', '-c', 'Release', '-r', $rid, '-p:PublishAot=true') + $properties + @('-o', $publishDir))

        if (-not (Test-Path (Join-Path $publishDir 'gatewayd') -PathType Leaf)) {
            throw "$publishDir/gatewayd is missing"
        }
        New-Item -ItemType Directory -Force -Path $symbolsDir | Out-Null
        Get-ChildItem $publishDir -File | Where-Object { $_.Extension -in '.dbg', '.pdb' } | Move-Item -Destination $symbolsDir
        Test-Smoke $rid $publishDir

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
        Invoke-Native 'chmod' @('0755', (Join-Path $bundle 'install.sh'), (Join-Path $bundle 'app/gatewayd'))

        $tarball = Join-Path $artifacts "gatewayd-$rid.tar.gz"
        Write-Host "==> packing $tarball"
        Invoke-Native 'tar' @('-C', $stageRoot, '-czf', $tarball, "gatewayd-$rid")
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
