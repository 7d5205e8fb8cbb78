import ParkModel
import ParkPlanning
