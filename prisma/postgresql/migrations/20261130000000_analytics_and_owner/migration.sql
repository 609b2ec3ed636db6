-- CreateTable
CREATE TABLE "ViewStat" (
    "cameraId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "country" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "watchSeconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ViewStat_pkey" PRIMARY KEY ("cameraId","hour","country","device","source")
);

-- CreateTable
CREATE TABLE "ViewHour" (
    "cameraId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "watchSeconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ViewHour_pkey" PRIMARY KEY ("cameraId","hour")
);

-- CreateTable
CREATE TABLE "VisitorDay" (
    "cameraId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "visitors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VisitorDay_pkey" PRIMARY KEY ("cameraId","day")
);

-- CreateTable
CREATE TABLE "VisitorSalt" (
    "day" TIMESTAMP(3) NOT NULL,
    "salt" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitorSalt_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "VisitorHash" (
    "day" TIMESTAMP(3) NOT NULL,
    "cameraId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "VisitorHash_pkey" PRIMARY KEY ("day","cameraId","hash")
);

-- CreateTable
CREATE TABLE "PreviewFetchStat" (
    "cameraId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "portal" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "fetches" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PreviewFetchStat_pkey" PRIMARY KEY ("cameraId","hour","portal","via")
);

-- CreateTable
CREATE TABLE "OriginCursor" (
    "origin" TEXT NOT NULL,
    "cursor" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OriginCursor_pkey" PRIMARY KEY ("origin")
);

-- CreateTable
CREATE TABLE "Owner" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Owner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "ViewStat_hour_idx" ON "ViewStat"("hour");

-- CreateIndex
CREATE INDEX "PreviewFetchStat_hour_idx" ON "PreviewFetchStat"("hour");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");
