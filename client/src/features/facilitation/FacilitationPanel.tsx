// The meeting side panel: facilitator controls and rules, the selected record's annotations, the parking lot.
import type { AnnotationView, FacilitationView } from '@hindsight/doc';
import { BlamelessRules } from './BlamelessRules.tsx';
import { FacilitatorControls } from './FacilitatorControls.tsx';
import type { FacilitationApi } from './FacilitationContext.ts';
import { ParkingLot } from './ParkingLot.tsx';
import { TargetAnnotations } from './TargetAnnotations.tsx';

export interface FacilitationPanelProps {
  api: FacilitationApi;
  facilitation: FacilitationView;
  annotations: AnnotationView[];
}

export function FacilitationPanel({ api, facilitation, annotations }: FacilitationPanelProps) {
  return (
    <aside id="meeting-panel" className="meeting-panel" aria-label="Meeting panel" data-testid="meeting-panel">
      {api.isFacilitator && <FacilitatorControls facilitation={facilitation} />}
      <TargetAnnotations api={api} annotations={annotations} />
      <ParkingLot api={api} annotations={annotations} />
      {api.isFacilitator && <BlamelessRules reminder={facilitation.reminder} />}
    </aside>
  );
}
