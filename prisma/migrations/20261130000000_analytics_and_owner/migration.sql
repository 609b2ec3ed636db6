-- CreateTable
CREATE TABLE "ViewStat" (
    "cameraId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "country" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "watchSeconds" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("cameraId", "hour", "country", "device", "source")
);

-- CreateTable
CREATE TABLE "ViewHour" (
    "cameraId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "watchSeconds" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("cameraId", "hour")
);

-- CreateTable
CREATE TABLE "VisitorDay" (
    "cameraId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "visitors" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("cameraId", "day")
);

-- CreateTable
CREATE TABLE "VisitorSalt" (
    "day" DATETIME NOT NULL PRIMARY KEY,
    "salt" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "VisitorHash" (
    "day" DATETIME NOT NULL,
    "cameraId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    PRIMARY KEY ("day", "cameraId", "hash")
);

-- CreateTable
CREATE TABLE "PreviewFetchStat" (
    "cameraId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "portal" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "fetches" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("cameraId", "hour", "portal", "via")
);

-- CreateTable
CREATE TABLE "OriginCursor" (
    "origin" TEXT NOT NULL PRIMARY KEY,
    "cursor" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Owner" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ViewStat_hour_idx" ON "ViewStat"("hour");

-- CreateIndex
CREATE INDEX "PreviewFetchStat_hour_idx" ON "PreviewFetchStat"("hour");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");
