-- DICOMweb and /files check who may fetch a blob by the case versions that use it (casebank.CaseService.versionsUsingBlob).
create index ix_case_image_blob on case_image (blob_sha256);
create index ix_ai_heatmap_blob on ai_heatmap (blob_sha256);
