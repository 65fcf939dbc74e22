// Exporting moved beside the export menu (components/export/export-actions.ts), where it is
// built in steps with progress and Cancel; this keeps the old import path working.
export * from '../components/export/export-actions'
