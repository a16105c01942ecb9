-- DICOMweb and /files check who may fetch a blob by the case versions that use it (casebank.CaseService.versionsUsingBlob).
create index ix_case_image_blob on case_image (blob_sha256);
create index ix_ai_heatmap_blob on ai_heatmap (blob_sha256);
-- Images kept in an external DICOMweb archive (ADR 0013): no blob, but the archive's service root and the study.
alter table case_image alter column blob_sha256 drop not null;
alter table case_image add column archive_url varchar(1000);
alter table case_image add column archive_study_uid varchar(64);
